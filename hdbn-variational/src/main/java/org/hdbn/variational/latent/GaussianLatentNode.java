package org.hdbn.variational.latent;

import java.util.List;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.graph.ForwardContext;
import org.hdbn.graph.LossKind;
import org.hdbn.graph.LatentNode;
import org.hdbn.graph.NodeOutput;
import org.hdbn.graph.nodes.ConcatSpec;
import org.hdbn.nn.Block;
import org.hdbn.prob.Distribution;
import org.hdbn.prob.KlEstimate;
import org.hdbn.prob.Normal;

/**
 * A Gaussian latent variable in a model graph (the latent emotion distributions, "LEDs", of HDBN):
 * an amortised encoder of its inputs gives {@code q(z | x) = N(mu, softplus(rho)^2)}; its output
 * is a reparameterised draw when the pass samples and the mean otherwise, with {@code q} as its
 * distribution so a later latent node can use it as a conditional prior. A training pass adds
 * <ul>
 *   <li>{@code kl}: the batch mean of {@code KL(q || prior)} (kind KL), and</li>
 *   <li>{@code recon}, when there is a decoder: the batch mean of the squared error
 *       {@code ||decoder(z) - target||^2} of the reconstruction targets side by side (kind
 *       RECONSTRUCTION).</li>
 * </ul>
 */
public final class GaussianLatentNode implements LatentNode {

    /** How the KL term is computed and weighted. */
    public record KlTerm(LatentPrior prior, KlEstimate estimate, int samples, double weight) {
    }

    /** An optional reconstruction: decoder from z to the targets' width, and the term's weight. */
    public record Reconstruction(Block decoder, List<String> targets, double weight) {
        public Reconstruction {
            targets = List.copyOf(targets);
        }
    }

    private final List<String> inputs;
    private final GaussianLatent latent;
    private final KlTerm kl;
    private final Reconstruction reconstruction;

    /** {@code reconstruction} may be null (no decoder). */
    public GaussianLatentNode(List<String> inputs, GaussianLatent latent, KlTerm kl, Reconstruction reconstruction) {
        this.inputs = List.copyOf(inputs);
        this.latent = latent;
        this.kl = kl;
        this.reconstruction = reconstruction;
    }

    @Override
    public int outputDim() {
        return latent.size();
    }

    @Override
    public NodeOutput forward(ForwardContext f) {
        Graph g = f.graph();
        Normal q = latent.posterior(g, ConcatSpec.concat(f, inputs), f.mode());
        Var z = GaussianLatent.draw(g, q, f.mode());
        if (f.mode().training()) {
            Var perRow = f.kl().kl(g, q, kl.prior().prior(f, q), kl.estimate(), f.mode().rng(), kl.samples());
            f.addLoss("kl", LossKind.KL, kl.weight(), g.mean(perRow));
            if (reconstruction != null) {
                Var error = g.sub(reconstruction.decoder().forward(g, z, f.mode()),
                        ConcatSpec.concat(f, reconstruction.targets()));
                f.addLoss("recon", LossKind.RECONSTRUCTION, reconstruction.weight(),
                        g.scale(g.sumOfSquares(error), 1.0 / z.rows()));
            }
        }
        return new NodeOutput(z, q);
    }

    @Override
    public Distribution prior(ForwardContext f, Distribution posterior) {
        return kl.prior().prior(f, (Normal) posterior);
    }

    public GaussianLatent latent() {
        return latent;
    }
}
