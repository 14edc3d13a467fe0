package org.hdbn.variational.latent;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.hdbn.graph.BlockSpec;
import org.hdbn.graph.BuildContext;
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
 * @param freeBits       free bits (Kingma et al. 2016), nats per latent dimension: the KL term becomes
 *                       {@code sum_d max(freeBits, mean_batch KL_d)}, so a dimension whose KL is below
 *                       the threshold is not pulled onto its prior; default 0 (the plain KL); needs a
 *                       Gaussian prior
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonClassDescription("node: a Gaussian latent variable with an amortised encoder, a prior and an optional decoder")
public record GaussianLatentSpec(@JsonProperty("inputs") List<String> encoderInputs, int size, BlockSpec encoder,
        LatentPriorSpec prior, Double klWeight, KlEstimate klEstimate, Integer klSamples, BlockSpec decoder,
        List<String> reconstruct, Double reconWeight, Double freeBits) implements NodeSpec {

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
        if (freeBits != null && !(freeBits >= 0)) {
            throw new SpecException("gaussian_latent: field freeBits must be 0 or positive, got " + freeBits);
        }
        if (decoder == null && (reconstruct != null || reconWeight != null)) {
            throw new SpecException("gaussian_latent: fields reconstruct and reconWeight need a decoder");
        }
        if (decoder != null) {
            reconstruct = reconstruct == null || reconstruct.isEmpty() ? encoderInputs : List.copyOf(reconstruct);
            reconWeight = reconWeight == null ? 1.0 : reconWeight;
        }
    }

    /** Without free bits. */
    public GaussianLatentSpec(List<String> encoderInputs, int size, BlockSpec encoder, LatentPriorSpec prior,
            Double klWeight, KlEstimate klEstimate, Integer klSamples, BlockSpec decoder, List<String> reconstruct,
            Double reconWeight) {
        this(encoderInputs, size, encoder, prior, klWeight, klEstimate, klSamples, decoder, reconstruct, reconWeight,
                null);
    }

    /** The same latent with the KL's free bits (nats per latent dimension; 0: none). */
    public GaussianLatentSpec withFreeBits(double lambda) {
        return new GaussianLatentSpec(encoderInputs, size, encoder, prior, klWeight, klEstimate, klSamples, decoder,
                reconstruct, reconWeight, lambda);
    }

    /** A latent with the default encoder, a standard normal prior and no decoder. */
    public static GaussianLatentSpec of(List<String> inputs, int size) {
        return new GaussianLatentSpec(inputs, size, null, null, null, null, null, null, null, null);
    }

    public GaussianLatentSpec withPrior(LatentPriorSpec p, double weight) {
        return new GaussianLatentSpec(encoderInputs, size, encoder, p, weight, klEstimate, klSamples, decoder,
                reconstruct, reconWeight, freeBits);
    }

    public GaussianLatentSpec withEncoder(BlockSpec e) {
        return new GaussianLatentSpec(encoderInputs, size, e, prior, klWeight, klEstimate, klSamples, decoder,
                reconstruct, reconWeight, freeBits);
    }

    public GaussianLatentSpec withDecoder(BlockSpec d, List<String> targets, double weight) {
        return new GaussianLatentSpec(encoderInputs, size, encoder, prior, klWeight, klEstimate, klSamples, d,
                targets, weight, freeBits);
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
        Block enc = encoder.build(ctx, name + "/encoder", in, 2 * size);
        GaussianLatent latent = new GaussianLatent(enc, size);
        GaussianLatentNode.KlTerm kl = new GaussianLatentNode.KlTerm(prior.build(ctx, size), klEstimate, klSamples,
                klWeight, freeBits == null ? 0.0 : freeBits);
        GaussianLatentNode.Reconstruction recon = null;
        if (decoder != null) {
            int width = 0;
            for (String target : reconstruct) {
                width += ctx.outputDim(target);
            }
            Block dec = decoder.build(ctx, name + "/decoder", size, width);
            recon = new GaussianLatentNode.Reconstruction(dec, reconstruct, reconWeight);
        }
        return new GaussianLatentNode(encoderInputs, latent, kl, recon);
    }
}
