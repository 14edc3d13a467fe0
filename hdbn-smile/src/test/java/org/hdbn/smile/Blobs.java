package org.hdbn.smile;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Gaussian blobs with a known assignment: blob {@code c} has its centre at
 * {@code spacing * (1 + c % 3, 1 + c / 3, 1, 1, ...)} (a grid, so centres are at least
 * {@code spacing} apart and never near the origin) and unit standard deviation in every dimension.
 */
record Blobs(double[][] points, int[] labels) {

    static Blobs generate(int[] sizes, int dimension, double spacing, long seed) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 0;
        for (int s : sizes) {
            n += s;
        }
        double[][] points = new double[n][];
        int[] labels = new int[n];
        int row = 0;
        for (int c = 0; c < sizes.length; c++) {
            double[] centre = centre(c, dimension, spacing);
            for (int i = 0; i < sizes[c]; i++, row++) {
                points[row] = new double[dimension];
                for (int j = 0; j < dimension; j++) {
                    points[row][j] = centre[j] + gaussian.sample();
                }
                labels[row] = c;
            }
        }
        return new Blobs(points, labels);
    }

    static double[] centre(int blob, int dimension, double spacing) {
        double[] centre = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            centre[j] = spacing;
        }
        centre[0] = spacing * (1 + blob % 3);
        centre[1] = spacing * (1 + blob / 3);
        return centre;
    }
}
