package org.hdbn.variational.latent;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.hdbn.graph.BlockSpec;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.KlSource;
import org.hdbn.graph.Node;
import org.hdbn.graph.NodeSpec;
import org.hdbn.graph.SpecException;
import org.hdbn.graph.nodes.MlpBlockSpec;
import org.hdbn.nn.Block;
import org.hdbn.prob.KlEstimate;

/**
 * The JSON form of a {@link GaussianLatentNode} (type {@code gaussian_latent}).
 *
 * @param encoderInputs  JSON {@code inputs}: the nodes or feature inputs encoded, side by side
 * @param size           the latent size
 * @param encoder        the encoder network (its output is {@code 2 * size}: mu, rho); default an
 *                       MLP with hidden sizes [64, 64] and ReLU
 * @param prior          default {@code {"type": "standard_normal"}}
 * @param klWeight       the KL term's weight; default 1
 * @param klEstimate     {@code EXACT}, {@code MONTE_CARLO} or {@code EXACT_OR_MONTE_CARLO} (default)
 * @param klSamples      draws for a Monte Carlo KL; default 1
 * @param decoder        optional network from z to the reconstruction targets
 * @param reconstruct    the nodes or feature inputs the decoder reconstructs, side by side; default
 *                       the encoder's inputs; only with a decoder
 * @param reconWeight    the reconstruction term's weight; default 1; only with a decoder
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonClassDescription("node: a Gaussian latent variable with an amortised encoder, a prior and an optional decoder")
public record GaussianLatentSpec(@JsonProperty("inputs") List<String> encoderInputs, int size, BlockSpec encoder,
        LatentPriorSpec prior, Double klWeight, KlEstimate klEstimate, Integer klSamples, BlockSpec decoder,
        List<String> reconstruct, Double reconWeight) implements NodeSpec {

    public GaussianLatentSpec {
        if (encoderInputs == null || encoderInputs.isEmpty()) {
            throw new SpecException("gaussian_latent: field inputs must name at least one input");
        }
        if (size <= 0) {
            throw new SpecException("gaussian_latent: field size must be positive, got " + size);
        }
        encoderInputs = List.copyOf(encoderInputs);
        encoder = encoder == null ? new MlpBlockSpec(List.of(64, 64), null, null) : encoder;
        prior = prior == null ? new StandardNormalPriorSpec() : prior;
        klWeight = klWeight == null ? 1.0 : klWeight;
        klEstimate = klEstimate == null ? KlEstimate.EXACT_OR_MONTE_CARLO : klEstimate;
        klSamples = klSamples == null ? 1 : klSamples;
        if (klSamples <= 0) {
            throw new SpecException("gaussian_latent: field klSamples must be positive, got " + klSamples);
        }
        if (decoder == null && (reconstruct != null || reconWeight != null)) {
            throw new SpecException("gaussian_latent: fields reconstruct and reconWeight need a decoder");
        }
        if (decoder != null) {
            reconstruct = reconstruct == null || reconstruct.isEmpty() ? encoderInputs : List.copyOf(reconstruct);
            reconWeight = reconWeight == null ? 1.0 : reconWeight;
        }
    }

    /** A latent with the default encoder, a standard normal prior and no decoder. */
    public static GaussianLatentSpec of(List<String> inputs, int size) {
        return new GaussianLatentSpec(inputs, size, null, null, null, null, null, null, null, null);
    }

    public GaussianLatentSpec withPrior(LatentPriorSpec p, double weight) {
        return new GaussianLatentSpec(encoderInputs, size, encoder, p, weight, klEstimate, klSamples, decoder,
                reconstruct, reconWeight);
    }

    public GaussianLatentSpec withEncoder(BlockSpec e) {
        return new GaussianLatentSpec(encoderInputs, size, e, prior, klWeight, klEstimate, klSamples, decoder,
                reconstruct, reconWeight);
    }

    public GaussianLatentSpec withDecoder(BlockSpec d, List<String> targets, double weight) {
        return new GaussianLatentSpec(encoderInputs, size, encoder, prior, klWeight, klEstimate, klSamples, d,
                targets, weight);
    }

    /** Everything the node reads: encoder inputs, the prior's node and the reconstruction targets. */
    @Override
    public List<String> inputs() {
        LinkedHashSet<String> all = new LinkedHashSet<>(encoderInputs);
        all.addAll(prior.reads());
        if (reconstruct != null) {
            all.addAll(reconstruct);
        }
        return new ArrayList<>(all);
    }

    @Override
    public Node build(BuildContext ctx) {
        String name = ctx.nodeName();
        int in = 0;
        for (String input : encoderInputs) {
            in += ctx.outputDim(input);
        }
        Block enc = noKl(encoder.build(ctx, name + "/encoder", in, 2 * size), name, "encoder");
        GaussianLatent latent = new GaussianLatent(enc, size);
        GaussianLatentNode.KlTerm kl = new GaussianLatentNode.KlTerm(prior.build(ctx, size), klEstimate, klSamples,
                klWeight);
        GaussianLatentNode.Reconstruction recon = null;
        if (decoder != null) {
            int width = 0;
            for (String target : reconstruct) {
                width += ctx.outputDim(target);
            }
            Block dec = noKl(decoder.build(ctx, name + "/decoder", size, width), name, "decoder");
            recon = new GaussianLatentNode.Reconstruction(dec, reconstruct, reconWeight);
        }
        return new GaussianLatentNode(encoderInputs, latent, kl, recon);
    }

    /** A Bayesian encoder's weight KL would never reach the loss here, so it is refused. */
    private static Block noKl(Block b, String node, String field) {
        if (b instanceof KlSource) {
            throw new SpecException("node '" + node + "': field " + field + " is a Bayesian network whose weight KL "
                    + "this node does not collect; use a deterministic network here");
        }
        return b;
    }
}
