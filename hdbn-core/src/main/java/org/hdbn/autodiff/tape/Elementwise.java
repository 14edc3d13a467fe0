package org.hdbn.autodiff.tape;

/**
 * Binary elementwise arithmetic under rank-2 broadcasting, each op's forward and backward side by
 * side. The two layouts that dominate real models, operands of one shape and a scalar second
 * operand, run through each op's own loops ({@link #forwardFlat}, {@link #backwardFlat}), which the
 * JIT inlines and vectorises; every other broadcast goes through the general strided loops, which
 * call the op's per-element partial derivatives.
 */
enum Elementwise {
    ADD {
        double f(double a, double b) { return a + b; }
        double da(double a, double b, double y) { return 1; }
        double db(double a, double b, double y) { return 1; }

        void forwardFlat(double[] a, double[] b, boolean scalarB, double[] y) {
            if (scalarB) {
                double s = b[0];
                for (int k = 0; k < y.length; k++) {
                    y[k] = a[k] + s;
                }
            } else {
                for (int k = 0; k < y.length; k++) {
                    y[k] = a[k] + b[k];
                }
            }
        }

        void backwardFlat(double[] a, double[] ga, double[] b, double[] gb, boolean scalarB, double[] y, double[] g) {
            if (ga != null) {
                for (int k = 0; k < g.length; k++) {
                    ga[k] += g[k];
                }
            }
            if (gb != null) {
                addOrFold(g, gb, scalarB);
            }
        }
    },
    SUB {
        double f(double a, double b) { return a - b; }
        double da(double a, double b, double y) { return 1; }
        double db(double a, double b, double y) { return -1; }

        void forwardFlat(double[] a, double[] b, boolean scalarB, double[] y) {
            if (scalarB) {
                double s = b[0];
                for (int k = 0; k < y.length; k++) {
                    y[k] = a[k] - s;
                }
            } else {
                for (int k = 0; k < y.length; k++) {
                    y[k] = a[k] - b[k];
                }
            }
        }

        void backwardFlat(double[] a, double[] ga, double[] b, double[] gb, boolean scalarB, double[] y, double[] g) {
            if (ga != null) {
                for (int k = 0; k < g.length; k++) {
                    ga[k] += g[k];
                }
            }
            if (gb != null) {
                if (scalarB) {
                    double s = 0;
                    for (double v : g) {
                        s += v;
                    }
                    gb[0] -= s;
                } else {
                    for (int k = 0; k < g.length; k++) {
                        gb[k] -= g[k];
                    }
                }
            }
        }
    },
    MUL {
        double f(double a, double b) { return a * b; }
        double da(double a, double b, double y) { return b; }
        double db(double a, double b, double y) { return a; }

        void forwardFlat(double[] a, double[] b, boolean scalarB, double[] y) {
            if (scalarB) {
                double s = b[0];
                for (int k = 0; k < y.length; k++) {
                    y[k] = a[k] * s;
                }
            } else {
                for (int k = 0; k < y.length; k++) {
                    y[k] = a[k] * b[k];
                }
            }
        }

        void backwardFlat(double[] a, double[] ga, double[] b, double[] gb, boolean scalarB, double[] y, double[] g) {
            if (ga != null) {
                if (scalarB) {
                    double s = b[0];
                    for (int k = 0; k < g.length; k++) {
                        ga[k] += g[k] * s;
                    }
                } else {
                    for (int k = 0; k < g.length; k++) {
                        ga[k] += g[k] * b[k];
                    }
                }
            }
            if (gb != null) {
                if (scalarB) {
                    double s = 0;
                    for (int k = 0; k < g.length; k++) {
                        s += g[k] * a[k];
                    }
                    gb[0] += s;
                } else {
                    for (int k = 0; k < g.length; k++) {
                        gb[k] += g[k] * a[k];
                    }
                }
            }
        }
    },
    DIV {
        double f(double a, double b) { return a / b; }
        double da(double a, double b, double y) { return 1 / b; }
        double db(double a, double b, double y) { return -y / b; }

        void forwardFlat(double[] a, double[] b, boolean scalarB, double[] y) {
            if (scalarB) {
                double s = b[0];
                for (int k = 0; k < y.length; k++) {
                    y[k] = a[k] / s;
                }
            } else {
                for (int k = 0; k < y.length; k++) {
                    y[k] = a[k] / b[k];
                }
            }
        }

        void backwardFlat(double[] a, double[] ga, double[] b, double[] gb, boolean scalarB, double[] y, double[] g) {
            if (ga != null) {
                if (scalarB) {
                    double s = b[0];
                    for (int k = 0; k < g.length; k++) {
                        ga[k] += g[k] / s;
                    }
                } else {
                    for (int k = 0; k < g.length; k++) {
                        ga[k] += g[k] / b[k];
                    }
                }
            }
            if (gb != null) {
                if (scalarB) {
                    double s = 0;
                    for (int k = 0; k < g.length; k++) {
                        s += g[k] * y[k];
                    }
                    gb[0] -= s / b[0];
                } else {
                    for (int k = 0; k < g.length; k++) {
                        gb[k] -= g[k] * y[k] / b[k];
                    }
                }
            }
        }
    };

    abstract double f(double a, double b);

    abstract double da(double a, double b, double y);

    abstract double db(double a, double b, double y);

    /** {@code y = a op b} where a has y's length and b too, or b is a single value. */
    abstract void forwardFlat(double[] a, double[] b, boolean scalarB, double[] y);

    /** Adds the gradients of a and b (either may be null: not wanted) for output gradient g. */
    abstract void backwardFlat(double[] a, double[] ga, double[] b, double[] gb, boolean scalarB, double[] y,
            double[] g);

    /** {@code gb += g}, or for a single-value b, {@code gb[0] += sum(g)}. */
    static void addOrFold(double[] g, double[] gb, boolean scalarB) {
        if (scalarB) {
            double s = 0;
            for (double v : g) {
                s += v;
            }
            gb[0] += s;
        } else {
            for (int k = 0; k < g.length; k++) {
                gb[k] += g[k];
            }
        }
    }

    /** Strides of an operand of shape (rows, cols) read at every (i, j) of the output. */
    record Strides(int row, int col) {
        static Strides of(int rows, int cols) {
            return new Strides(rows == 1 ? 0 : cols, cols == 1 ? 0 : 1);
        }
    }

    void forward(double[] a, Strides sa, double[] b, Strides sb, double[] y, int rows, int cols) {
        int k = 0;
        for (int i = 0; i < rows; i++) {
            int ai = i * sa.row;
            int bi = i * sb.row;
            for (int j = 0; j < cols; j++, k++) {
                y[k] = f(a[ai + j * sa.col], b[bi + j * sb.col]);
            }
        }
    }

    /** Adds the gradients of a and b (either may be null: not wanted) for output gradient g. */
    void backward(double[] a, Strides sa, double[] ga, double[] b, Strides sb, double[] gb,
            double[] y, double[] g, int rows, int cols) {
        int k = 0;
        for (int i = 0; i < rows; i++) {
            int ai = i * sa.row;
            int bi = i * sb.row;
            for (int j = 0; j < cols; j++, k++) {
                int ia = ai + j * sa.col;
                int ib = bi + j * sb.col;
                if (ga != null) {
                    ga[ia] += g[k] * da(a[ia], b[ib], y[k]);
                }
                if (gb != null) {
                    gb[ib] += g[k] * db(a[ia], b[ib], y[k]);
                }
            }
        }
    }
}
