package org.hdbn.autodiff.tape;

import org.hdbn.autodiff.BprLayout;
import org.hdbn.autodiff.Var;

/**
 * The tape's fused ops: one node with one forward and one backward kernel where the composition in
 * {@link org.hdbn.autodiff.Graph} would record many small nodes and their intermediate arrays.
 * Each returns null for operand shapes it does not handle; the graph then falls back to the
 * composition.
 */
final class FusedOps {

    private FusedOps() {
    }

    /** {@code x w + b} for x {@code [r, in]}, w {@code [in, out]}, b {@code [out]} or {@code [1, out]}. */
    static Var linear(TapeGraph t, TapeVar x, TapeVar w, TapeVar b) {
        if (x.shape.length != 2 || w.shape.length != 2 || x.shape[1] != w.shape[0] || b.value.length != w.shape[1]
                || (b.shape.length == 2 && b.shape[0] != 1) || b.shape.length == 0) {
            return null;
        }
        int r = x.shape[0];
        int in = w.shape[0];
        int out = w.shape[1];
        double[] y = new double[r * out];
        for (int i = 0; i < r; i++) {
            System.arraycopy(b.value, 0, y, i * out, out);
        }
        t.gemm(false, false, r, out, in, x.value, w.value, y);
        long flops = 2L * r * in * out;
        t.countFlops(flops);
        return t.record(new int[] {r, out}, y, g -> {
            if (x.requiresGrad) {
                t.gemm(false, true, r, in, out, g, w.value, x.grad());
                t.countFlops(flops);
            }
            if (w.requiresGrad) {
                t.gemm(true, false, in, out, r, x.value, g, w.grad());
                t.countFlops(flops);
            }
            if (b.requiresGrad) {
                double[] gb = b.grad();
                for (int i = 0; i < r; i++) {
                    for (int j = 0, o = i * out; j < out; j++) {
                        gb[j] += g[o + j];
                    }
                }
            }
        }, x, w, b);
    }

    /** The BPR loss of {@link org.hdbn.autodiff.Graph#bprLoss} without its gathered copies of q and c. */
    static Var bprLoss(TapeGraph t, TapeVar q, TapeVar c) {
        if (q.shape.length != 2 || c.shape.length != 2 || q.shape[1] != c.shape[1]) {
            return null;
        }
        int b = q.shape[0];
        int d = q.shape[1];
        int n = BprLayout.negatives(b, c.shape[0]);
        // per pair, sigmoid(-(s_pos - s_neg)): the loss's slope, kept for the backward pass
        double[] slope = new double[b * n];
        double total = 0;
        for (int i = 0; i < b; i++) {
            double pos = dot(q.value, i * d, c.value, i * d, d);
            for (int j = 0; j < n; j++) {
                double x = pos - dot(q.value, i * d, c.value, (b + i * n + j) * d, d);
                total += SoftplusMath.softplus(-x);
                slope[i * n + j] = Pointwise.sigmoid(-x);
            }
        }
        double pairs = (double) b * n;
        return t.record(new int[0], new double[] {total / pairs}, g -> {
            double[] gq = q.requiresGrad ? q.grad() : null;
            double[] gc = c.requiresGrad ? c.grad() : null;
            for (int i = 0; i < b; i++) {
                int qi = i * d;
                // d loss / d (s_pos - s_neg) = -sigmoid(-x) / pairs for each pair; the positive's
                // share is the sum over the query's negatives
                double share = 0;
                for (int j = 0; j < n; j++) {
                    double coef = -g[0] * slope[i * n + j] / pairs;
                    share += coef;
                    int ni = (b + i * n + j) * d;
                    if (gq != null) {
                        addScaled(gq, qi, c.value, ni, -coef, d);
                    }
                    if (gc != null) {
                        addScaled(gc, ni, q.value, qi, -coef, d);
                    }
                }
                if (gq != null) {
                    addScaled(gq, qi, c.value, qi, share, d);
                }
                if (gc != null) {
                    addScaled(gc, qi, q.value, qi, share, d);
                }
            }
        }, q, c);
    }

    /** {@code y[yo + k] += f * x[xo + k]} for k below d. */
    private static void addScaled(double[] y, int yo, double[] x, int xo, double f, int d) {
        for (int k = 0; k < d; k++) {
            y[yo + k] += f * x[xo + k];
        }
    }

    private static double dot(double[] a, int ao, double[] b, int bo, int d) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            s += a[ao + k] * b[bo + k];
        }
        return s;
    }
}
