package org.hdbn.graph;

import java.util.function.Function;
import org.hdbn.autodiff.Var;

/** A built node of a {@link ModelGraph}: computes its output from the outputs it reads. */
public interface Node {

    /** Columns of the output (0 for a node whose output is a scalar, such as a loss). */
    int outputDim();

    NodeOutput forward(ForwardContext ctx);

    /**
     * Whether every output row is a probability distribution over the output columns (e.g. a
     * network with a softmax output). This is the role by which tools find a model's categorical
     * predictions (HDBN's mood preference): {@link ModelGraph#distributionNodes}.
     */
    default boolean outputsDistribution() {
        return false;
    }

    /** A node from its output width and its forward function. */
    static Node of(int outputDim, Function<ForwardContext, NodeOutput> forward) {
        return of(outputDim, false, forward);
    }

    /**
     * A node from its output width, whether its rows are probability distributions
     * ({@link #outputsDistribution}), and its forward function.
     */
    static Node of(int outputDim, boolean outputsDistribution, Function<ForwardContext, NodeOutput> forward) {
        return new Node() {
            @Override
            public int outputDim() {
                return outputDim;
            }

            @Override
            public NodeOutput forward(ForwardContext ctx) {
                return forward.apply(ctx);
            }

            @Override
            public boolean outputsDistribution() {
                return outputsDistribution;
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
