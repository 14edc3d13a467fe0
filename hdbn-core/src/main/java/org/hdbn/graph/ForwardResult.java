package org.hdbn.graph;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;

/** The outputs of one pass and the loss terms its nodes added. */
public record ForwardResult(Map<String, NodeOutput> outputs, List<LossTerm> losses) {

    public Var value(String node) {
        NodeOutput out = outputs.get(node);
        if (out == null) {
            throw new SpecException("node '" + node + "' did not run in this pass; ran: " + outputs.keySet());
        }
        return out.value();
    }

    /** The sum of the terms, each times its own weight. */
    public Var totalLoss(Graph g) {
        return totalLoss(g, term -> 1.0);
    }

    /**
     * The sum of the terms, each times its own weight, its {@linkplain LossTerm#share() share} and an
     * extra multiplier (e.g. a KL weight schedule that depends on the kind). Refuses a pass that
     * added no terms.
     */
    public Var totalLoss(Graph g, ToDoubleFunction<LossTerm> multiplier) {
        if (losses.isEmpty()) {
            throw new SpecException("the pass added no loss terms: was it a training pass over the loss nodes?");
        }
        Var total = null;
        for (LossTerm t : losses) {
            double w = t.weight() * multiplier.applyAsDouble(t) * t.share();
            if (w == 0) {
                continue;
            }
            Var term = w == 1 ? t.value() : g.scale(t.value(), w);
            total = total == null ? term : g.add(total, term);
        }
        return total == null ? g.scalar(0) : total;
    }
}
