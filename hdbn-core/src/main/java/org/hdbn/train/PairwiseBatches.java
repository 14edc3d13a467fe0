package org.hdbn.train;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.graph.Batch;

/**
 * Batches of positives with freshly drawn negatives, for pairwise ranking losses such as BPR:
 * each epoch shuffles the positives and draws {@code negatives} items per positive with a
 * {@link NegativeSampler} (by default uniformly from the items its user has not interacted with
 * in training).
 *
 * <p>Optionally batches are drawn from one group at a time (the HDBN paper trains each batch on one
 * user group): positives are shuffled within their group, cut into batches, and the batches are
 * shuffled. Either way each positive appears once per epoch.
 */
public final class PairwiseBatches {

    private final Interactions train;
    private final NegativeSampler sampler;
    private final int batchSize;
    private final int negatives;
    private final BatchColumns columns;
    private final int[] userGroups;

    /**
     * @param userGroups  the group of each user for single-group batches, or null for mixed batches
     */
    public PairwiseBatches(Interactions train, SeenItems seen, int numItems, int batchSize, int negatives,
            BatchColumns columns, int[] userGroups) {
        this(train, new UnseenNegatives(seen, numItems), batchSize, negatives, columns, userGroups);
        for (int u = 0; u < seen.userBound(); u++) {
            if (seen.itemsOf(u).length >= numItems && negatives > 0) {
                throw new IllegalArgumentException("user " + u + " interacted with every item: no negative to draw");
            }
        }
    }

    /**
     * @param sampler     draws each positive's negatives
     * @param userGroups  the group of each user for single-group batches, or null for mixed batches
     */
    public PairwiseBatches(Interactions train, NegativeSampler sampler, int batchSize, int negatives,
            BatchColumns columns, int[] userGroups) {
        if (batchSize <= 0 || negatives < 0) {
            throw new IllegalArgumentException("batch size must be positive and negatives non-negative, got "
                    + batchSize + " and " + negatives);
        }
        this.train = train;
        this.sampler = sampler;
        this.batchSize = batchSize;
        this.negatives = negatives;
        this.columns = columns;
        this.userGroups = userGroups;
    }

    /** Number of batches per epoch. */
    public int batchesPerEpoch() {
        return plan(null).size();
    }

    public int negatives() {
        return negatives;
    }

    /**
     * Cuts these batches for data-parallel steps: the user and context columns by row, the
     * candidate column into the rows' positives followed by their negatives.
     */
    public BatchSlicer slicer() {
        return new PairwiseSlicer(columns, negatives, null);
    }

    /**
     * As {@link #slicer()}, but ordering each batch's rows by their user's group and cutting between
     * groups where it can, so that per-group work stays in one shard.
     *
     * @param userGroups  each user's group
     */
    public BatchSlicer slicer(int[] userGroups) {
        return new PairwiseSlicer(columns, negatives, userGroups.clone());
    }

    /** One epoch of batches; all randomness comes from {@code rng}, drawn as the batches are made. */
    public Iterator<Batch> epoch(UniformRandomProvider rng) {
        List<int[]> batches = plan(rng);
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < batches.size();
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return make(batches.get(next++), rng);
            }
        };
    }

    /** The rows of each batch, in order; shuffled when a stream is given. */
    private List<int[]> plan(UniformRandomProvider rng) {
        List<int[]> out = new ArrayList<>();
        if (userGroups == null) {
            int[] order = permutation(train.size(), rng);
            cut(order, out);
            return out;
        }
        int groups = 0;
        for (int u : train.users()) {
            groups = Math.max(groups, userGroups[u] + 1);
        }
        int[] counts = new int[groups];
        for (int u : train.users()) {
            counts[userGroups[u]]++;
        }
        int[][] members = new int[groups][];
        for (int g = 0; g < groups; g++) {
            members[g] = new int[counts[g]];
        }
        int[] fill = new int[groups];
        for (int r = 0; r < train.size(); r++) {
            int g = userGroups[train.users()[r]];
            members[g][fill[g]++] = r;
        }
        for (int g = 0; g < groups; g++) {
            int[] perm = permutation(members[g].length, rng);
            int[] rows = new int[perm.length];
            for (int k = 0; k < perm.length; k++) {
                rows[k] = members[g][perm[k]];
            }
            cut(rows, out);
        }
        if (rng != null) {
            for (int i = out.size() - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int[] t = out.get(i);
                out.set(i, out.get(j));
                out.set(j, t);
            }
        }
        return out;
    }

    private void cut(int[] rows, List<int[]> out) {
        for (int from = 0; from < rows.length; from += batchSize) {
            out.add(java.util.Arrays.copyOfRange(rows, from, Math.min(rows.length, from + batchSize)));
        }
    }

    private static int[] permutation(int n, UniformRandomProvider rng) {
        if (rng == null || n == 0) {
            int[] id = new int[n];
            java.util.Arrays.setAll(id, i -> i);
            return id;
        }
        return new PermutationSampler(rng, n, n).sample();
    }

    private Batch make(int[] rows, UniformRandomProvider rng) {
        int b = rows.length;
        int[] users = new int[b];
        int[] contexts = new int[b];
        int[] candidates = new int[b * (1 + negatives)];
        for (int k = 0; k < b; k++) {
            int r = rows[k];
            users[k] = train.users()[r];
            contexts[k] = train.contexts()[r];
            candidates[k] = train.items()[r];
        }
        for (int k = 0; k < b; k++) {
            sampler.sample(users[k], candidates[k], rng, candidates, b + k * negatives, negatives);
        }
        return Batch.ofIndices(Map.of(columns.user(), users, columns.context(), contexts, columns.candidate(), candidates));
    }
}
