package org.hdbn.autodiff.tape;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link GaussianKlRows} on the Vector API: each row's whole groups of eight entries as one vector
 * of eight doubles (lane {@code l} is lane {@code l} of the sums), the entries after the last whole
 * group one at a time with {@link GaussianKlRows#addEntry}, so every row gets the bits of
 * {@link ScalarGaussianKl}. Loaded by name ({@link org.hdbn.tensor.VectorApi}) where the module is
 * present, and only where the machine's vectors hold eight doubles (elsewhere 512-bit vectors would
 * run lane by lane, slower than the scalar loop).
 */
final class VectorGaussianKl implements GaussianKlRows {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_512;
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_512;

    VectorGaussianKl() {
        if (DoubleVector.SPECIES_PREFERRED.length() < LANES) {
            throw new UnsupportedOperationException("vectors of " + DoubleVector.SPECIES_PREFERRED.length()
                    + " doubles: the scalar lanes are faster");
        }
    }

    @Override
    public void rows(double[] mp, double[] sp, double[] mqs, double[] sqs, int rows, int cols, double[] y) {
        double mq = mqs[0];
        double inv = 1 / sqs[0];
        double[] squares = new double[LANES];
        double[] logs = new double[LANES];
        double[] product = new double[LANES];
        long[] exponentLanes = new long[LANES];
        int whole = cols / LANES;
        int vectors = (cols + LANES - 1) / LANES;
        for (int i = 0; i < rows; i++) {
            int from = i * cols;
            DoubleVector sq = DoubleVector.zero(SPECIES);
            DoubleVector pr = DoubleVector.broadcast(SPECIES, 1.0);
            LongVector ex = LongVector.zero(LONGS);
            Arrays.fill(logs, 0);
            for (int v = 0; v < whole; v++) {
                int k = from + v * LANES;
                DoubleVector ratio = DoubleVector.fromArray(SPECIES, sp, k).mul(inv);
                DoubleVector diff = DoubleVector.fromArray(SPECIES, mp, k).sub(mq).mul(inv);
                sq = sq.add(ratio.mul(ratio).add(diff.mul(diff)));
                // positive normal numbers; NaN compares false, so it is not one
                VectorMask<Double> normal = ratio.compare(VectorOperators.GE, Double.MIN_NORMAL)
                        .and(ratio.compare(VectorOperators.LE, Double.MAX_VALUE));
                LongVector bits = ratio.reinterpretAsLongs();
                DoubleVector mantissa = bits.and(GaussianKlConstants.MANTISSA).or(GaussianKlConstants.EXPONENT_OF_ONE)
                        .reinterpretAsDoubles();
                pr = pr.mul(mantissa, normal);
                ex = ex.add(bits.lanewise(VectorOperators.LSHR, GaussianKlConstants.EXPONENT_SHIFT)
                        .sub(GaussianKlConstants.EXPONENT_BIAS), normal.cast(LONGS));
                if (!normal.allTrue()) {
                    // rare: a zero, subnormal, negative or non-finite ratio takes its plain logarithm
                    for (int l = 0; l < LANES; l++) {
                        if (!normal.laneIsSet(l)) {
                            logs[l] += Math.log(ratio.lane(l));
                        }
                    }
                }
                if ((v + 1) % CHUNK == 0 && v + 1 < vectors) {
                    pr.intoArray(product, 0);
                    GaussianKlRows.flush(logs, product);
                    pr = DoubleVector.broadcast(SPECIES, 1.0);
                }
            }
            sq.intoArray(squares, 0);
            pr.intoArray(product, 0);
            // summed from an array: a lane reduction of longs was a visible cost per row
            ex.intoArray(exponentLanes, 0);
            long exponents = 0;
            for (long e : exponentLanes) {
                exponents += e;
            }
            for (int j = whole * LANES; j < cols; j++) {
                exponents += GaussianKlRows.addEntry(mp[from + j], sp[from + j], mq, inv, j - whole * LANES, squares,
                        logs, product);
            }
            y[i] = GaussianKlRows.combine(squares, logs, product, exponents, cols);
        }
    }

    @Override
    public String name() {
        return "Vector API (" + LANES + " lanes as one vector), the same bits as the scalar lanes";
    }
}
