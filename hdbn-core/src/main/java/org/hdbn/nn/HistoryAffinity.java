package org.hdbn.nn;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.BprLayout;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.data.ContextHistory;
import org.hdbn.param.Initializer;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStore;
import org.hdbn.tensor.Tensor;

/**
 * A user x item x context affinity read from the user's own training events: for a query (user u,
 * context e) and a candidate item i with the user's events {@code h} on i (contexts {@code e_h}),
 *
 * <pre>
 *   a(u, e, i) = w_same log(1 + #{h : e_h = e}) + w_count log(1 + #h) + sum_h key(u, e) . E[e_h]
 * </pre>
 *
 * with learned weights {@code w}, a learned table E of event-context vectors, and a query key that
 * is either a learned vector per context or a learned projection of another node's output (the
 * posterior emotion). It is zero for an item the user never met, so it is sparse per query and
 * cannot be a dot product of two towers: a low-rank product cannot memorise which known songs a
 * user returns to in which mood, which is where EmoMusicLJ's emotion signal lives.
 *
 * <p>Rows follow the BPR layout of {@link Graph#bprLoss}: B queries, then candidate rows holding B
 * positives and N negatives per query (N = 0: one candidate per query, as when scoring pairs). In
 * a training pass the B positives are the batch's own training triples, and each one's own event
 * is left out of its history (leave-one-out): otherwise the term would learn that "the positive is
 * in the history", which is true of every training triple and of no new one.
 */
public final class HistoryAffinity {

    private final ContextHistory history;
    private final int contexts;
    private final Parameter weights;
    private final Parameter eventTable;

    /**
     * @param name      prefix of the parameter names
     * @param contexts  rows of the event-context table; every event's context must be below it
     * @param dim       size of the key and event-context vectors
     */
    public HistoryAffinity(ParameterStore store, String name, ContextHistory history, int contexts, int dim,
            double initStd, UniformRandomProvider rng) {
        if (contexts <= 0 || dim <= 0) {
            throw new IllegalArgumentException("HistoryAffinity '" + name + "' needs positive sizes, got "
                    + contexts + " contexts of size " + dim);
        }
        if (history.contextBound() > contexts) {
            throw new IllegalArgumentException("HistoryAffinity '" + name + "': the history has context "
                    + (history.contextBound() - 1) + ", the table only " + contexts + " rows");
        }
        this.history = history;
        this.contexts = contexts;
        this.weights = store.getOrCreate(name + "/weights", new int[] {2, 1}, Initializer.zeros(), rng);
        this.eventTable = store.getOrCreate(name + "/event_contexts", new int[] {contexts, dim},
                Initializer.normal(initStd), rng);
    }

    public int dim() {
        return eventTable.shape()[1];
    }

    /**
     * The affinity of every candidate row, {@code [rows, 1]}.
     *
     * @param users      the B queries' users
     * @param queryCtx   the B queries' contexts
     * @param items      the candidate rows (B, or B + B*N)
     * @param keys       {@code [B, dim]}: each query's key
     * @param leaveOut   leave each positive's own event out of its history (training passes)
     * @param queryBias  {@code [B, 1]}: added to the affinity of every known item of the query (how much
     *                   this user returns to known items at all), or null for none
     */
    public Var forward(Graph g, int[] users, int[] queryCtx, int[] items, Var keys, boolean leaveOut, Var queryBias) {
        int b = users.length;
        int rows = items.length;
        int[] owner = BprLayout.queryOfRows(b, rows);
        int[] slot = new int[rows];
        int[] activeOwner = new int[rows];
        int[] activeLeft = new int[rows];
        int[] activeRow = new int[rows];
        int m = 0;
        for (int r = 0; r < rows; r++) {
            int q = owner[r];
            int[] events = history.contexts(users[q], items[r]);
            int left = leaveOut && r < b ? leftOut(events, queryCtx[q], r) : -1;
            if (events.length - (left >= 0 ? 1 : 0) == 0) {
                slot[r] = -1;
                continue;
            }
            activeOwner[m] = q;
            activeLeft[m] = left;
            activeRow[m] = r;
            slot[r] = m++;
        }
        // only rows with events get features: most candidates (negatives, new songs) have none
        double[] features = new double[m * 2];
        double[] eventCounts = new double[Math.multiplyExact(m, contexts)];
        for (int a = 0; a < m; a++) {
            int q = activeOwner[a];
            int[] events = history.contexts(users[q], items[activeRow[a]]);
            int same = 0;
            for (int k = 0; k < events.length; k++) {
                if (k != activeLeft[a]) {
                    same += events[k] == queryCtx[q] ? 1 : 0;
                    eventCounts[a * contexts + events[k]] += 1;
                }
            }
            features[2 * a] = Math.log1p(same);
            features[2 * a + 1] = Math.log1p(events.length - (activeLeft[a] >= 0 ? 1 : 0));
        }
        if (m == 0) {
            return g.constant(Tensor.zeros(rows, 1));
        }
        Var linear = g.matmul(g.constant(Tensor.of(features, m, 2)), g.param(weights));
        if (queryBias != null) {
            linear = g.add(linear, g.gather(queryBias, Arrays.copyOf(activeOwner, m)));
        }
        Var events = g.matmul(g.constant(Tensor.of(eventCounts, m, contexts)),
                g.param(eventTable));
        Var kernel = g.reshape(g.rowDot(g.gather(keys, Arrays.copyOf(activeOwner, m)), events), m, 1);
        Var padded = g.concatRows(g.add(linear, kernel), g.constant(Tensor.zeros(1, 1)));
        int zero = m;
        int[] at = new int[rows];
        for (int r = 0; r < rows; r++) {
            at[r] = slot[r] < 0 ? zero : slot[r];
        }
        return g.gather(padded, at);
    }

    /** The index of the positive's own event among its pair's events (one with the query's context). */
    private static int leftOut(int[] events, int context, int row) {
        for (int k = 0; k < events.length; k++) {
            if (events[k] == context) {
                return k;
            }
        }
        throw new IllegalStateException("leave-one-out: positive row " + row + " (context " + context
                + ") is not among the user's training events " + Arrays.toString(events)
                + "; a training pass's first B candidates must be the batch's training triples");
    }
}
