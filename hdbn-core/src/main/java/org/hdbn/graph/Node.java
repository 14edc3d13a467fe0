package org.hdbn.graph;

import java.util.function.Function;
import org.hdbn.autodiff.Var;

/** A built node of a {@link ModelGraph}: computes its output from the outputs it reads. */
public interface Node {

    /** Columns of the output (0 for a node whose output is a scalar, such as a loss). */
    int outputDim();

    NodeOutput forward(ForwardContext ctx);

    /** A node from its output width and its forward function. */
    static Node of(int outputDim, Function<ForwardContext, NodeOutput> forward) {
        return new Node() {
            @Override
            public int outputDim() {
                return outputDim;
            }

            @Override
            public NodeOutput forward(ForwardContext ctx) {
                return forward.apply(ctx);
            }
        };
    }

    /**
     * A node whose output is one scalar loss term: it adds the term {@code node/term} of the given
     * kind and weight, and outputs its value.
     */
    static Node loss(String term, LossKind kind, double weight, Function<ForwardContext, Var> loss) {
        return of(0, f -> {
            Var value = loss.apply(f);
            f.addLoss(term, kind, weight, value);
            return NodeOutput.of(value);
        });
    }
}
