package org.hdbn.variational.latent;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import java.util.Arrays;
import java.util.List;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.SpecException;
import org.hdbn.prob.Distribution;

/**
 * A conditional prior: the distribution another stochastic node produced in the same pass (HDBN's
 * posterior LED uses the personalised prior LED's {@code N(mu1, s1)}). The KL
 * {@code KL(q_this || q_node)} is differentiable in both nodes' parameters, so the prior node is
 * pulled towards this posterior as this posterior is pulled towards it.
 *
 * @param node  the node whose distribution is the prior; it must have this latent's size
 */
@JsonClassDescription("latent prior: another latent node's distribution in the same pass (a conditional prior)")
public record NodePriorSpec(String node) implements LatentPriorSpec {

    public NodePriorSpec {
        if (node == null || node.isBlank()) {
            throw new SpecException("node prior: field node must name a latent node");
        }
    }

    @Override
    public List<String> reads() {
        return List.of(node);
    }

    @Override
    public LatentPrior build(BuildContext ctx, int size) {
        if (ctx.outputDim(node) != size) {
            throw new SpecException("node '" + ctx.nodeName() + "': prior node '" + node + "' has size "
                    + ctx.outputDim(node) + ", this latent has size " + size);
        }
        return (f, q) -> {
            Distribution p = f.distribution(node);
            if (!Arrays.equals(p.shape(), q.shape())) {
                throw new SpecException("node '" + f.nodeName() + "': prior node '" + node + "' gives shape "
                        + Arrays.toString(p.shape()) + ", the posterior has " + Arrays.toString(q.shape()));
            }
            return p;
        };
    }
}
