package org.hdbn.graph.nodes;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import java.util.List;
import org.hdbn.graph.BlockSpec;
import org.hdbn.graph.BuildContext;
import org.hdbn.nn.Activation;
import org.hdbn.nn.Block;
import org.hdbn.nn.Mlp;

/**
 * A deterministic MLP: hidden sizes with one activation, and an output activation.
 *
 * @param hidden            hidden layer sizes; empty for a single dense layer
 * @param activation        hidden activation; default relu
 * @param outputActivation  output activation; default identity
 */
@JsonClassDescription("block: a multilayer perceptron with the given hidden sizes and activations")
public record MlpBlockSpec(List<Integer> hidden, Activation activation, Activation outputActivation)
        implements BlockSpec {

    public MlpBlockSpec {
        hidden = hidden == null ? List.of() : List.copyOf(hidden);
        activation = activation == null ? Activation.RELU : activation;
        outputActivation = outputActivation == null ? Activation.IDENTITY : outputActivation;
    }

    @Override
    public Block build(BuildContext ctx, String name, int inputDim, int outputDim) {
        int[] h = hidden.stream().mapToInt(Integer::intValue).toArray();
        return new Mlp(ctx.store(), name, inputDim, h, outputDim, activation, outputActivation, ctx.initRng(name));
    }
}
