package org.hdbn.graph.nodes;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import java.util.List;
import org.hdbn.autodiff.BprLayout;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.data.ContextHistory;
import org.hdbn.data.SeenItems;
import org.hdbn.eval.ItemRowScores;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.Dim;
import org.hdbn.graph.ForwardContext;
import org.hdbn.graph.ItemScoresNode;
import org.hdbn.graph.NodeOutput;
import org.hdbn.graph.NodeSpec;
import org.hdbn.graph.SpecException;
import org.hdbn.nn.EaseWeights;
import org.hdbn.param.Initializer;
import org.hdbn.param.Parameter;
import org.hdbn.tensor.NetlibProducts;
import org.hdbn.tensor.Tensor;

/**
 * An item-item score term beside the towers: for a query's user u and a candidate item i, the
 * {@link EaseWeights EASE} score {@code sum over u's training items j of B[j][i]}, times a factor.
 * One value per candidate row, {@code [rows, 1]}; a ranking loss adds it to the towers' dot
 * product ({@code "terms"} of a {@code bpr} node) and a model spec lists it among its score terms.
 *
 * <p>B is fitted when the node is built, from the items of the training-history resource, and is
 * not a parameter: the fit is deterministic, so a saved model refits the same matrix when it is
 * loaded instead of storing {@code n x n} numbers. Only the factor may be learned.
 *
 * <p>B fitted on every training pair scores a training positive higher than a new pair (the pair
 * helped fit it), so a training pass that adds the term sees positives it already ranks well and
 * the towers and other terms learn too little beside it. With {@code trainingFolds} K, users are
 * split into K folds (user index mod K) and a training pass scores a user's rows with a B fitted
 * without that user's fold, as a new user's pairs are scored; evaluation uses B fitted on all.
 *
 * @param user     the index input of the query's user
 * @param item     the index input of the candidates
 * @param history  the {@link ContextHistory} resource whose (user, item) pairs B is fitted on
 * @param items    number of items (rows of B): a number or a data dimension such as {@code "songs"}
 * @param lambda   EASE's L2 regularisation, positive
 * @param factor   the fixed factor, or the learned factor's initial value; default 1
 * @param learned  learn the factor (one scalar parameter); default false
 * @param trainingFolds  K >= 2: training passes score each user with B fitted without the user's
 *                       fold (K + 1 fits, each {@code 8 n^2} bytes); absent or 1: B on all pairs
 */
@JsonClassDescription("node: an item-item (EASE) score term: the sum of B[j][candidate] over the user's training items j, B fitted in closed form at build time")
public record ItemItemSpec(String user, String item, String history, Dim items, Double lambda, Double factor,
        Boolean learned, Integer trainingFolds) implements NodeSpec {

    @Override
    public List<String> inputs() {
        return List.of(user, item);
    }

    @Override
    public ItemScoresNode build(BuildContext ctx) {
        ctx.requireIndexInput(user);
        ctx.requireIndexInput(item);
        String name = ctx.nodeName();
        if (lambda == null || !(lambda > 0) || Double.isInfinite(lambda)) {
            throw new SpecException("node '" + name + "': lambda must be a positive number, got " + lambda);
        }
        if (items == null || history == null) {
            throw new SpecException("node '" + name + "': needs \"items\" (e.g. \"songs\") and \"history\" (e.g. \"train_history\")");
        }
        double c = factor == null ? 1.0 : factor;
        if (!Double.isFinite(c)) {
            throw new SpecException("node '" + name + "': factor must be finite, got " + c);
        }
        int folds = trainingFolds == null ? 1 : trainingFolds;
        if (folds < 1) {
            throw new SpecException("node '" + name + "': trainingFolds must be at least 1, got " + folds);
        }
        SeenItems played = ctx.resource(history, ContextHistory.class).items();
        EaseWeights b;
        EaseWeights[] heldOut = new EaseWeights[folds];
        try {
            b = EaseWeights.fit(played, items.resolve(ctx), lambda);
            for (int k = 0; k < folds; k++) {
                int fold = k;
                heldOut[k] = folds == 1 ? b : EaseWeights.fit(played, items.resolve(ctx), lambda, u -> u % folds != fold);
            }
        } catch (IllegalArgumentException e) {
            throw new SpecException("node '" + name + "': " + e.getMessage());
        }
        Parameter w = Boolean.TRUE.equals(learned)
                ? ctx.store().getOrCreate(name + "/factor", new int[] {1}, Initializer.constant(c), ctx.initRng(name))
                : null;
        return new Term(user, item, b, heldOut, played, c, w);
    }

    /**
     * The term's rows: the user's EASE scores of every item times the factor (data only,
     * serializable). A query's row is computed whole and then added to its scores, so consecutive
     * queries of one user share it: an evaluation that ranks triples grouped by user (as
     * {@link org.hdbn.eval.RankingEvaluator#evaluateByUser} does) reads the user's rows of B once
     * per block instead of once per triple, and every query gets the same bits either way.
     */
    private record EaseRows(EaseWeights b, SeenItems played, double factor) implements ItemRowScores {

        @Override
        public void add(int user, int context, double[] out, int offset) {
            double[] row = new double[b.numItems()];
            b.scores(played.itemsOf(user), factor, row);
            NetlibProducts.best().addTo(row, out, offset);
        }

        @Override
        public void addRows(int[] users, int[] contexts, int from, int to, double[] out, int numItems) {
            double[] row = new double[b.numItems()];
            for (int q = from; q < to; q++) {
                if (q == from || users[q] != users[q - 1]) {
                    b.scores(played.itemsOf(users[q]), factor, row);
                }
                NetlibProducts.best().addTo(row, out, (q - from) * numItems);
            }
        }
    }

    /** The built node: EASE scores of the candidate rows times the factor. */
    private record Term(String userInput, String itemInput, EaseWeights b, EaseWeights[] heldOut, SeenItems played,
            double fixed, Parameter learnedFactor) implements ItemScoresNode {

        @Override
        public int outputDim() {
            return 1;
        }

        @Override
        public NodeOutput forward(ForwardContext f) {
            Graph g = f.graph();
            int[] users = f.indices(userInput);
            int[] candidates = f.indices(itemInput);
            int rows = candidates.length;
            int[] owner = BprLayout.queryOfRows(users.length, rows);
            boolean training = f.mode().training();
            double[] scores = new double[rows];
            for (int r = 0; r < rows; r++) {
                int q = owner[r];
                EaseWeights weights = training ? heldOut[users[q] % heldOut.length] : b;
                scores[r] = weights.score(played.itemsOf(users[q]), candidates[r]);
            }
            Var raw = g.constant(Tensor.of(scores, rows, 1));
            return NodeOutput.of(learnedFactor == null ? g.scale(raw, fixed) : g.mul(raw, g.param(learnedFactor)));
        }

        @Override
        public ItemRowScores rowScores() {
            return new EaseRows(b, played, factor());
        }

        private double factor() {
            return learnedFactor == null ? fixed : learnedFactor.value().data()[0];
        }
    }
}
