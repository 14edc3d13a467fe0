package org.hdbn.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.eval.ItemRowScores;
import org.hdbn.eval.SparseScoreTerms;
import org.hdbn.eval.TowerScores;
import org.hdbn.tensor.Tensor;

/**
 * Seeded scores for ranking tests: random towers, evaluation rows whose targets are sometimes the
 * user's training items (so the protocols differ), two sparse terms on the users' training items,
 * a dense row term by (user, context), and some scores tied on purpose (rounded towers), so the order of equal scores is exercised too.
 */
record GeneratedScores(TowerScores scores, Interactions eval, SeenItems train) {

    static GeneratedScores of(long seed, int users, int items, int contexts, int rows, int dim) {
        SplittableRandom random = new SplittableRandom(seed);
        int trainRows = users * 6;
        int[] tu = new int[trainRows];
        int[] ti = new int[trainRows];
        for (int r = 0; r < trainRows; r++) {
            tu[r] = random.nextInt(users);
            ti[r] = random.nextInt(items);
        }
        SeenItems train = SeenItems.of(new Interactions(tu, ti, new int[trainRows]));
        int[] eu = new int[rows];
        int[] ei = new int[rows];
        int[] ec = new int[rows];
        for (int r = 0; r < rows; r++) {
            eu[r] = random.nextInt(users);
            int[] own = train.itemsOf(eu[r]);
            ei[r] = own.length > 0 && random.nextInt(4) == 0 ? own[random.nextInt(own.length)] : random.nextInt(items);
            ec[r] = random.nextInt(contexts);
        }
        Interactions eval = new Interactions(eu, ei, ec);
        List<SparseScoreTerms> terms = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int[] start = new int[rows + 1];
            for (int q = 0; q < rows; q++) {
                start[q + 1] = start[q] + train.itemsOf(eu[q]).length;
            }
            int[] termItems = new int[start[rows]];
            double[] values = new double[start[rows]];
            for (int q = 0; q < rows; q++) {
                int[] own = train.itemsOf(eu[q]);
                for (int k = 0; k < own.length; k++) {
                    termItems[start[q] + k] = own[k];
                    values[start[q] + k] = random.nextDouble();
                }
            }
            terms.add(new SparseScoreTerms(start, termItems, values));
        }
        // a dense row term read by (user, context), so slices must hand it each row's user in the whole set
        ItemRowScores byUser = new UserContextTable(tower(random, users, items).data(), items, 0.5);
        return new GeneratedScores(new TowerScores(tower(random, rows, dim), tower(random, items, dim), terms,
                List.of(byUser), eu, ec), eval, train);
    }

    /** {@code table[user][item] + step * context}: a dense row term that depends on the query's user and context. */
    record UserContextTable(double[] table, int numItems, double step) implements ItemRowScores {

        @Override
        public void add(int user, int context, double[] out, int offset) {
            for (int i = 0; i < numItems; i++) {
                out[offset + i] += table[user * numItems + i] + step * context;
            }
        }
    }

    /** Values on a grid of 1/4, so that many dot products tie exactly. */
    private static Tensor tower(SplittableRandom random, int rows, int dim) {
        double[] data = new double[rows * dim];
        for (int i = 0; i < data.length; i++) {
            data[i] = Math.round(random.nextGaussian() * 4) / 4.0;
        }
        return Tensor.of(data, rows, dim);
    }
}
