package org.hdbn.gate;

/** Nearest-centroid search and feature-vector checks shared by the centroid-based gates. */
final class NearestCentroid {

    private NearestCentroid() {
    }

    /** True when every entry is zero: the "no features" marker. */
    static boolean isZero(double[] x) {
        for (double v : x) {
            if (v != 0.0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks that {@code x} can be compared with centroids of the given dimension.
     *
     * @throws IllegalArgumentException on a wrong length or a non-finite entry
     */
    static void checkVector(double[] x, int dimension) {
        if (x == null) {
            throw new NullPointerException("features");
        }
        if (x.length != dimension) {
            throw new IllegalArgumentException("features: length " + x.length + ", expected "
                    + dimension);
        }
        for (int c = 0; c < x.length; c++) {
            if (!Double.isFinite(x[c])) {
                throw new IllegalArgumentException("features[" + c + "] = " + x[c]
                        + " is not finite");
            }
        }
    }

    /**
     * Index of the centroid with the smallest squared Euclidean distance to {@code x}; ties go to
     * the lowest index so the answer never depends on anything but the inputs. Null centroids
     * (groups without one) are skipped; returns -1 when there is no centroid at all.
     */
    static int nearest(double[][] centroids, double[] x) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int g = 0; g < centroids.length; g++) {
            double[] c = centroids[g];
            if (c == null) {
                continue;
            }
            double d = 0.0;
            for (int j = 0; j < x.length; j++) {
                double diff = x[j] - c[j];
                d += diff * diff;
            }
            if (best == -1 || d < bestDistance) {
                bestDistance = d;
                best = g;
            }
        }
        return best;
    }

    /** Index of the largest count; ties go to the lowest index. */
    static int largest(int[] sizes) {
        int best = 0;
        for (int g = 1; g < sizes.length; g++) {
            if (sizes[g] > sizes[best]) {
                best = g;
            }
        }
        return best;
    }

    /** Counts how many entities each group holds. */
    static int[] sizes(int[] assignments, int numGroups) {
        int[] sizes = new int[numGroups];
        for (int g : assignments) {
            sizes[g]++;
        }
        return sizes;
    }

    /**
     * Checks that a matrix has at least one row, that its rows are non-empty, of one length and
     * finite, and returns that length. Null rows are allowed only when {@code allowNullRows}
     * (a group without a centroid); a matrix of only null rows has length -1.
     *
     * @throws IllegalArgumentException naming the matrix, row and column of the first problem
     */
    static int checkMatrix(double[][] m, String name, boolean allowNullRows) {
        if (m == null) {
            throw new NullPointerException(name);
        }
        if (m.length == 0) {
            throw new IllegalArgumentException(name + ": no rows");
        }
        int dimension = -1;
        for (int r = 0; r < m.length; r++) {
            double[] row = m[r];
            if (row == null) {
                if (allowNullRows) {
                    continue;
                }
                throw new IllegalArgumentException(name + " row " + r + ": null");
            }
            if (row.length == 0) {
                throw new IllegalArgumentException(name + " row " + r + ": empty");
            }
            if (dimension >= 0 && row.length != dimension) {
                throw new IllegalArgumentException(name + " row " + r + ": length " + row.length
                        + ", expected " + dimension + " (the length of the first row)");
            }
            dimension = row.length;
            for (int c = 0; c < row.length; c++) {
                if (!Double.isFinite(row[c])) {
                    throw new IllegalArgumentException(name + " row " + r + ", column " + c + ": "
                            + row[c] + " is not finite");
                }
            }
        }
        return dimension;
    }

    /** Deep copy of a matrix whose rows may be null. */
    static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i] == null ? null : m[i].clone();
        }
        return out;
    }
}
