package org.hdbn.variational.nodes;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import java.util.List;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.LossKind;
import org.hdbn.graph.Node;
import org.hdbn.graph.NodeSpec;
import org.hdbn.graph.SpecException;

/**
 * The negative log-likelihood of a target under a Gaussian with known noise around a prediction
 * (type {@code gaussian_likelihood}): the batch mean over rows of
 * {@code sum_j [(y_j - f_j)^2 / (2 s^2) + log s + log(2 pi) / 2]} (kind LIKELIHOOD). Averaged over
 * rows, so together with a per-example KL scale the loss is the negative ELBO divided by N.
 *
 * @param prediction  the node giving the predicted mean
 * @param target      the node or feature input holding the observed values
 * @param noiseScale  the noise standard deviation s
 * @param weight      the term's weight; default 1
 */
@JsonClassDescription("node: the Gaussian negative log-likelihood of a target given a prediction")
public record GaussianLikelihoodSpec(String prediction, String target, double noiseScale, Double weight)
        implements NodeSpec {

    public GaussianLikelihoodSpec {
        if (prediction == null || target == null) {
            throw new SpecException("gaussian_likelihood: fields prediction and target are required");
        }
        if (!(noiseScale > 0) || Double.isInfinite(noiseScale)) {
            throw new SpecException("gaussian_likelihood: field noiseScale must be positive and finite, got " + noiseScale);
        }
        weight = weight == null ? 1.0 : weight;
    }

    @Override
    public List<String> inputs() {
        return List.of(prediction, target);
    }

    @Override
    public Node build(BuildContext ctx) {
        if (ctx.outputDim(prediction) != ctx.outputDim(target)) {
            throw new SpecException("node '" + ctx.nodeName() + "': prediction '" + prediction + "' has "
                    + ctx.outputDim(prediction) + " columns, target '" + target + "' has " + ctx.outputDim(target));
        }
        double constant = ctx.outputDim(target) * (Math.log(noiseScale) + 0.5 * Math.log(2 * Math.PI));
        return Node.loss("nll", LossKind.LIKELIHOOD, weight, f -> {
            Graph g = f.graph();
            Var predicted = f.value(prediction);
            Var sq = g.sum(g.square(g.sub(f.value(target), predicted)));
            return g.addScalar(g.scale(sq, 0.5 / (noiseScale * noiseScale * predicted.rows())), constant);
        });
    }
}
