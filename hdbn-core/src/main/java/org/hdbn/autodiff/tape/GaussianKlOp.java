package org.hdbn.autodiff.tape;

import org.hdbn.autodiff.Var;

/**
 * The tape's fused {@link org.hdbn.autodiff.Graph#gaussianKl}: the KL divergence of diagonal
 * Gaussians per row in one pass. A Bayesian network's weight KL runs it over every weight of every
 * layer each step, so its cost was the cost of its logarithms: instead of one per entry it takes
 * one per row and one more per 32 entries of a lane, summing {@code log(sp / sq)} as the exponents
 * of the ratios plus the log of the product of their mantissas (in [1, 2), so 32 of them cannot
 * overflow). That sum is as accurate as adding the logarithms. Ratios that are not positive normal numbers take the
 * plain logarithm. The forward runs in eight lanes ({@link GaussianKlRows}): on the Vector API
 * against a fixed prior, as a Bayesian layer's weights have, one entry at a time otherwise.
 */
final class GaussianKlOp {

    private GaussianKlOp() {
    }

    /** The per-row KL when every operand has the shape of the largest or a single value; else null. */
    static Var apply(TapeGraph t, TapeVar mp, TapeVar sp, TapeVar mq, TapeVar sq) {
        TapeVar widest = mp;
        for (TapeVar v : new TapeVar[] {sp, mq, sq}) {
            if (v.value.length > widest.value.length) {
                widest = v;
            }
        }
        for (TapeVar v : new TapeVar[] {mp, sp, mq, sq}) {
            if (v.value.length != 1 && !java.util.Arrays.equals(v.shape, widest.shape)) {
                return null;
            }
        }
        int n = widest.value.length;
        boolean matrix = widest.shape.length == 2;
        int rows = matrix ? widest.shape[0] : 1;
        int cols = rows == 0 ? 0 : n / rows;
        // a stride of 0 repeats a single value
        int smp = mp.value.length == 1 ? 0 : 1;
        int ssp = sp.value.length == 1 ? 0 : 1;
        int smq = mq.value.length == 1 ? 0 : 1;
        int ssq = sq.value.length == 1 ? 0 : 1;
        double[] y = new double[rows];
        // a fixed prior N(m, s^2) of single values, as a Bayesian layer's weights have
        boolean fixedPrior = smp == 1 && ssp == 1 && smq == 0 && ssq == 0;
        GaussianKlRows.strided(mp.value, smp, sp.value, ssp, mq.value, smq, sq.value, ssq, rows, cols, y);
        int[] shape = matrix ? new int[] {rows} : new int[0];
        return t.record(shape, y, g -> {
            double[] gmp = mp.requiresGrad ? mp.grad() : null;
            double[] gsp = sp.requiresGrad ? sp.grad() : null;
            double[] gmq = mq.requiresGrad ? mq.grad() : null;
            double[] gsq = sq.requiresGrad ? sq.grad() : null;
            if (fixedPrior && gmq == null && gsq == null) {
                // direct indexes and no reduction, so the JIT vectorises the loop
                againstFixedPrior(mp.value, sp.value, mq.value[0], 1 / sq.value[0], g, rows, cols, gmp, gsp);
                return;
            }
            for (int i = 0; i < rows; i++) {
                double gi = g[i];
                for (int k = i * cols; k < (i + 1) * cols; k++) {
                    double s1 = sp.value[k * ssp];
                    double inv = 1 / sq.value[k * ssq];
                    double ratio = s1 * inv;
                    double diff = (mp.value[k * smp] - mq.value[k * smq]) * inv;
                    if (gmp != null) {
                        gmp[k * smp] += gi * diff * inv;
                    }
                    if (gmq != null) {
                        gmq[k * smq] -= gi * diff * inv;
                    }
                    if (gsp != null) {
                        gsp[k * ssp] += gi * (ratio * inv - 1 / s1);
                    }
                    if (gsq != null) {
                        gsq[k * ssq] += gi * (1 - ratio * ratio - diff * diff) * inv;
                    }
                }
            }
        }, mp, sp, mq, sq);
    }

    /** The backward pass for full-shape mp and sp against single-value mq and sq = 1 / inv. */
    private static void againstFixedPrior(double[] mp, double[] sp, double mq, double inv, double[] g, int rows, int cols,
            double[] gmp, double[] gsp) {
        for (int i = 0; i < rows; i++) {
            double gi = g[i];
            int from = i * cols;
            int to = from + cols;
            if (gmp != null) {
                double scale = gi * inv * inv;
                for (int k = from; k < to; k++) {
                    gmp[k] += scale * (mp[k] - mq);
                }
            }
            if (gsp != null) {
                double scale = inv * inv;
                for (int k = from; k < to; k++) {
                    gsp[k] += gi * (sp[k] * scale - 1 / sp[k]);
                }
            }
        }
    }
}
