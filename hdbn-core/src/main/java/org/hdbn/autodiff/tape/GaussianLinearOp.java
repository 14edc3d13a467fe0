package org.hdbn.autodiff.tape;

import org.hdbn.autodiff.Var;

/**
 * The tape's fused {@link org.hdbn.autodiff.Graph#gaussianLinear}: one node for what the
 * composition records as eight (two products, three squares, a square root, a product and a sum),
 * with its backward as four products and a few elementwise passes. A Bayesian layer runs it once
 * per group expert per pass, on a few rows each, so the nodes' fixed costs dominate the composition.
 */
final class GaussianLinearOp {

    private GaussianLinearOp() {
    }

    /** The draw for x {@code [r, in]}, weights {@code [in, out]}, biases {@code [out]}, noise {@code [r, out]}; else null. */
    static Var apply(TapeGraph t, TapeVar x, TapeVar wm, TapeVar ws, TapeVar bm, TapeVar bs, TapeVar noise) {
        if (x.shape.length != 2 || wm.shape.length != 2 || !java.util.Arrays.equals(wm.shape, ws.shape)
                || x.shape[1] != wm.shape[0] || noise.shape.length != 2 || noise.shape[0] != x.shape[0]
                || noise.shape[1] != wm.shape[1] || bm.shape.length != 1 || bs.shape.length != 1
                || bm.value.length != wm.shape[1] || bs.value.length != wm.shape[1]) {
            return null;
        }
        int r = x.shape[0];
        int in = wm.shape[0];
        int out = wm.shape[1];
        double[] x2 = squares(x.value);
        double[] ws2 = squares(ws.value);
        double[] mean = rowsOf(bm.value, r);
        double[] sd = rowsOf(squares(bs.value), r);
        t.gemm(false, false, r, out, in, x.value, wm.value, mean);
        t.gemm(false, false, r, out, in, x2, ws2, sd);
        long flops = 2L * r * in * out;
        t.countFlops(2 * flops);
        double[] y = new double[r * out];
        for (int k = 0; k < y.length; k++) {
            sd[k] = Math.sqrt(sd[k]);
            y[k] = mean[k] + sd[k] * noise.value[k];
        }
        return t.record(new int[] {r, out}, y, g -> {
            // d y / d mean = 1; d y / d variance = noise / (2 sd)
            // scratch arrays of the pass's spares, given back at the end of this step
            double[] gv = t.zeroedGradient(g.length);
            for (int k = 0; k < g.length; k++) {
                gv[k] = g[k] * noise.value[k] / (2 * sd[k]);
            }
            if (wm.requiresGrad) {
                t.gemm(true, false, in, out, r, x.value, g, wm.grad());
                t.countFlops(flops);
            }
            if (bm.requiresGrad) {
                addColumnSums(g, r, out, bm.grad(), null);
            }
            if (ws.requiresGrad) {
                double[] gws2 = t.zeroedGradient(in * out);
                t.gemm(true, false, in, out, r, x2, gv, gws2);
                t.countFlops(flops);
                double[] gws = ws.grad();
                for (int k = 0; k < gws2.length; k++) {
                    gws[k] += 2 * ws.value[k] * gws2[k];
                }
                t.release(gws2);
            }
            if (bs.requiresGrad) {
                addColumnSums(gv, r, out, bs.grad(), bs.value);
            }
            if (x.requiresGrad) {
                double[] gx = x.grad();
                t.gemm(false, true, r, in, out, g, wm.value, gx);
                double[] gx2 = t.zeroedGradient(r * in);
                t.gemm(false, true, r, in, out, gv, ws2, gx2);
                t.countFlops(2 * flops);
                for (int k = 0; k < gx2.length; k++) {
                    gx[k] += 2 * x.value[k] * gx2[k];
                }
                t.release(gx2);
            }
            if (noise.requiresGrad) {
                double[] gn = noise.grad();
                for (int k = 0; k < g.length; k++) {
                    gn[k] += g[k] * sd[k];
                }
            }
            t.release(gv);
        }, x, wm, ws, bm, bs, noise);
    }

    private static double[] squares(double[] v) {
        double[] s = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            s[k] = v[k] * v[k];
        }
        return s;
    }

    /** The vector repeated as each of r rows. */
    private static double[] rowsOf(double[] v, int r) {
        double[] m = new double[r * v.length];
        for (int i = 0; i < r; i++) {
            System.arraycopy(v, 0, m, i * v.length, v.length);
        }
        return m;
    }

    /** {@code target[j] += sum_i g[i, j]}, times {@code 2 scale[j]} when scale is given. */
    private static void addColumnSums(double[] g, int r, int cols, double[] target, double[] scale) {
        double[] sums = new double[cols];
        for (int i = 0; i < r; i++) {
            for (int j = 0, o = i * cols; j < cols; j++) {
                sums[j] += g[o + j];
            }
        }
        for (int j = 0; j < cols; j++) {
            target[j] += scale == null ? sums[j] : 2 * scale[j] * sums[j];
        }
    }
}
