package org.hdbn.autodiff.tape;

/**
 * Binary elementwise arithmetic under rank-2 broadcasting, each op's partial derivatives beside its
 * forward. Operands are addressed through row and column strides: a stride of 0 repeats a row or
 * a column, which is all broadcasting needs.
 */
enum Elementwise {
    ADD {
        double f(double a, double b) { return a + b; }
        double da(double a, double b, double y) { return 1; }
        double db(double a, double b, double y) { return 1; }
    },
    SUB {
        double f(double a, double b) { return a - b; }
        double da(double a, double b, double y) { return 1; }
        double db(double a, double b, double y) { return -1; }
    },
    MUL {
        double f(double a, double b) { return a * b; }
        double da(double a, double b, double y) { return b; }
        double db(double a, double b, double y) { return a; }
    },
    DIV {
        double f(double a, double b) { return a / b; }
        double da(double a, double b, double y) { return 1 / b; }
        double db(double a, double b, double y) { return -y / b; }
    };

    abstract double f(double a, double b);

    abstract double da(double a, double b, double y);

    abstract double db(double a, double b, double y);

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
