package org.hdbn.variational.nodes;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.hdbn.graph.BlockSpec;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.Dim;
import org.hdbn.graph.KlSource;
import org.hdbn.graph.Node;
import org.hdbn.graph.NodeOutput;
import org.hdbn.graph.NodeSpec;
import org.hdbn.graph.SpecException;
import org.hdbn.graph.nodes.ConcatSpec;
import org.hdbn.nn.Block;

/**
 * A Bayesian network applied to its inputs side by side (type {@code bayesian_block}), which adds
 * the network's weight KL to the loss as the term {@code node/kl} (kind KL) in training passes.
 * The weight KL is a global term of the ELBO, not a per-example one: with a likelihood averaged
 * over the batch, give {@code datasetSize} N so the term is {@code KL / N} (Blundell et al. 2015,
 * Graves 2011) and the loss is the per-example share of the negative ELBO.
 *
 * @param inputs       the nodes (or feature inputs) read, concatenated
 * @param out          output size
 * @param block        a network that reports a KL, e.g. {@code {"type": "bayesian_mlp", "hidden": [64]}}
 * @param klWeight     the KL term's weight; default 1
 * @param datasetSize  optional: a number or a data dimension N; the KL is divided by it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonClassDescription("node: a block whose weights are Bayesian; adds their KL, divided by datasetSize, to the loss")
public record BayesianBlockNodeSpec(List<String> inputs, int out, BlockSpec block, Double klWeight, Dim datasetSize)
        implements NodeSpec {

    public BayesianBlockNodeSpec {
        if (inputs == null || inputs.isEmpty() || block == null) {
            throw new SpecException("bayesian_block: fields inputs and block are required");
        }
        if (out <= 0) {
            throw new SpecException("bayesian_block: field out must be positive, got " + out);
        }
        inputs = List.copyOf(inputs);
        klWeight = klWeight == null ? 1.0 : klWeight;
    }

    public BayesianBlockNodeSpec withBlock(BlockSpec b) {
        return new BayesianBlockNodeSpec(inputs, out, b, klWeight, datasetSize);
    }

    @Override
    public Node build(BuildContext ctx) {
        Block b = block.build(ctx, ctx.nodeName(), ctx.outputDim(inputs), out);
        if (!(b instanceof KlSource source)) {
            throw new SpecException("node '" + ctx.nodeName() + "': field block is a " + b.getClass().getSimpleName()
                    + ", which reports no KL; use the core 'block' node for a deterministic network");
        }
        double weight = datasetSize == null ? klWeight : klWeight / datasetSize.resolve(ctx);
        return Node.of(b.outputDim(), b.outputsDistribution(), f -> {
            NodeOutput result = NodeOutput.of(b.forward(f.graph(), ConcatSpec.concat(f, inputs), f.mode()));
            KlSource.addTo(f, source, "kl", weight);
            return result;
        });
    }
}
