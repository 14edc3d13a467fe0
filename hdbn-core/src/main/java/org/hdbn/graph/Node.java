package org.hdbn.graph;

/** A built node of a {@link ModelGraph}: computes its output from the outputs it reads. */
public interface Node {

    /** Columns of the output (0 for a node whose output is a scalar, such as a loss). */
    int outputDim();

    NodeOutput forward(ForwardContext ctx);
}
