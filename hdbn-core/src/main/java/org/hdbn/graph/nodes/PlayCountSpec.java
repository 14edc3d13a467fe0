package org.hdbn.graph.nodes;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import java.util.List;
import org.hdbn.autodiff.BprLayout;
import org.hdbn.data.ContextHistory;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.Node;
import org.hdbn.graph.NodeOutput;
import org.hdbn.graph.NodeSpec;
import org.hdbn.graph.SpecException;
import org.hdbn.tensor.Tensor;

/**
 * A score term that counts the user's training events with each candidate, linearly and with fixed
 * weights: {@code total * c(u, i) + sameContext * c(u, i, e)}, where {@code c(u, i)} is the number
 * of the user's events with item i and {@code c(u, i, e)} those in the query's context. It is zero
 * for an item the user never met (a sparse term), has no parameters, and is meant to be weighed
 * against the other terms with weights chosen on validation. Where {@code history_affinity}
 * learns a log-count and context-kernel score, this one keeps the raw counts, which on EmoMusicLJ
 * rank a user's own songs better once the other terms are fixed (the counting baselines use them).
 *
 * <p>In a training pass each positive (the first B candidate rows) leaves its own event out of the
 * counts, as {@code history_affinity} does.
 *
 * @param user         the index input of the query's user
 * @param context      the index input of the query's context (the emotion)
 * @param item         the index input of the candidates
 * @param history      the {@link ContextHistory} resource holding the training events
 * @param total        weight of the user's event count with the item; default 0
 * @param sameContext  weight of the count under the query's context; default 0
 */
@JsonClassDescription("node: a fixed-weight score term from the user's training event counts with each candidate, in all contexts and in the query's context (zero for unknown items)")
public record PlayCountSpec(String user, String context, String item, String history, Double total,
        Double sameContext) implements NodeSpec {

    @Override
    public List<String> inputs() {
        return List.of(user, context, item);
    }

    @Override
    public Node build(BuildContext ctx) {
        for (String in : List.of(user, context, item)) {
            ctx.requireIndexInput(in);
        }
        String name = ctx.nodeName();
        double wTotal = total == null ? 0 : total;
        double wSame = sameContext == null ? 0 : sameContext;
        if (!Double.isFinite(wTotal) || !Double.isFinite(wSame)) {
            throw new SpecException("node '" + name + "': total and sameContext must be finite, got " + wTotal
                    + " and " + wSame);
        }
        ContextHistory events = ctx.resource(history, ContextHistory.class);
        return Node.of(1, f -> {
            int[] users = f.indices(user);
            int[] contexts = f.indices(context);
            int[] items = f.indices(item);
            int b = users.length;
            int rows = items.length;
            int[] owner = BprLayout.queryOfRows(b, rows);
            boolean leaveOut = f.mode().training();
            double[] out = new double[rows];
            for (int r = 0; r < rows; r++) {
                int q = owner[r];
                int[] seen = events.contexts(users[q], items[r]);
                int same = 0;
                for (int e : seen) {
                    same += e == contexts[q] ? 1 : 0;
                }
                int own = leaveOut && r < b ? 1 : 0;
                if (own > same) {
                    throw new IllegalStateException("node '" + name + "', leave-one-out: positive row " + r + " (user "
                            + users[q] + ", item " + items[r] + ", context " + contexts[q]
                            + ") is not among the user's training events; a training pass's first B candidates must be "
                            + "the batch's training triples");
                }
                out[r] = wTotal * (seen.length - own) + wSame * (same - own);
            }
            return NodeOutput.of(f.graph().constant(Tensor.of(out, rows, 1)));
        });
    }
}
