package org.hdbn.variational.latent;

import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.nn.Block;
import org.hdbn.nn.ForwardMode;
import org.hdbn.prob.Normal;

/**
 * An amortised diagonal-Gaussian encoder (Kingma and Welling 2014): a block maps a batch to
 * {@code 2 * size} columns, read as {@code mu} and {@code rho}, and {@code sigma = softplus(rho)}.
 * Usable on its own from Java; {@link GaussianLatentNode} wires it into a model graph.
 */
public final class GaussianLatent {

    private final Block encoder;
    private final int size;

    /** The encoder must give {@code 2 * size} columns: mu, then rho. */
    public GaussianLatent(Block encoder, int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("a latent size must be positive, got " + size);
        }
        if (encoder.outputDim() != 2 * size) {
            throw new IllegalArgumentException("the encoder of a latent of size " + size + " must give " + 2 * size
                    + " columns (mu, rho), it gives " + encoder.outputDim());
        }
        this.encoder = encoder;
        this.size = size;
    }

    /** {@code q(z | x) = N(mu(x), softplus(rho(x))^2)}, one row per row of x. */
    public Normal posterior(Graph g, Var x, ForwardMode mode) {
        Var h = encoder.forward(g, x, mode);
        return new Normal(g.columns(h, 0, size), g.softplus(g.columns(h, size, 2 * size)));
    }

    /** A reparameterised draw when the pass samples, the mean otherwise. */
    public static Var draw(Graph g, Normal q, ForwardMode mode) {
        return mode.sample() ? q.rsample(g, mode.requireRng()) : q.mean();
    }

    public Block encoder() {
        return encoder;
    }

    public int size() {
        return size;
    }
}
