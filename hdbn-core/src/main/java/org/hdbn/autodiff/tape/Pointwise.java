package org.hdbn.autodiff.tape;

/**
 * Elementwise functions, each with its forward and backward loop side by side. Each constant has
 * its own loops rather than sharing one loop that calls a per-element method: an enum's abstract
 * method called inside a shared loop is a megamorphic call per element, which the JIT can neither
 * inline nor vectorise.
 */
enum Pointwise {
    NEG {
        void forward(double[] x, double[] y) {
            for (int k = 0; k < x.length; k++) {
                y[k] = -x[k];
            }
        }

        void backward(double[] x, double[] y, double[] g, double[] gx) {
            for (int k = 0; k < x.length; k++) {
                gx[k] -= g[k];
            }
        }
    },
    SQUARE {
        void forward(double[] x, double[] y) {
            for (int k = 0; k < x.length; k++) {
                y[k] = x[k] * x[k];
            }
        }

        void backward(double[] x, double[] y, double[] g, double[] gx) {
            for (int k = 0; k < x.length; k++) {
                gx[k] += g[k] * 2 * x[k];
            }
        }
    },
    SQRT {
        void forward(double[] x, double[] y) {
            for (int k = 0; k < x.length; k++) {
                y[k] = Math.sqrt(x[k]);
            }
        }

        void backward(double[] x, double[] y, double[] g, double[] gx) {
            for (int k = 0; k < x.length; k++) {
                gx[k] += g[k] * 0.5 / y[k];
            }
        }
    },
    EXP {
        void forward(double[] x, double[] y) {
            for (int k = 0; k < x.length; k++) {
                y[k] = Math.exp(x[k]);
            }
        }

        void backward(double[] x, double[] y, double[] g, double[] gx) {
            for (int k = 0; k < x.length; k++) {
                gx[k] += g[k] * y[k];
            }
        }
    },
    LOG {
        void forward(double[] x, double[] y) {
            for (int k = 0; k < x.length; k++) {
                y[k] = Math.log(x[k]);
            }
        }

        void backward(double[] x, double[] y, double[] g, double[] gx) {
            for (int k = 0; k < x.length; k++) {
                gx[k] += g[k] / x[k];
            }
        }
    },
    LOG1P {
        void forward(double[] x, double[] y) {
            for (int k = 0; k < x.length; k++) {
                y[k] = Math.log1p(x[k]);
            }
        }

        void backward(double[] x, double[] y, double[] g, double[] gx) {
            for (int k = 0; k < x.length; k++) {
                gx[k] += g[k] / (1 + x[k]);
            }
        }
    },
    SOFTPLUS {
        // the loops chosen for this process: the Vector API's where it is present (SoftplusLoops)
        void forward(double[] x, double[] y) {
            SoftplusLoops.preferred().forward(x, y);
        }

        void backward(double[] x, double[] y, double[] g, double[] gx) {
            SoftplusLoops.preferred().backward(x, y, g, gx);
        }
    },
    RELU {
        void forward(double[] x, double[] y) {
            for (int k = 0; k < x.length; k++) {
                y[k] = Math.max(x[k], 0.0);
            }
        }

        void backward(double[] x, double[] y, double[] g, double[] gx) {
            for (int k = 0; k < x.length; k++) {
                // the step function of y = max(x, 0), 1 where y > 0 and 0 where y = 0, without the
                // branch or select the JIT does not vectorise
                gx[k] += g[k] * Math.ceil(Math.min(y[k], 1.0));
            }
        }
    },
    SIGMOID {
        void forward(double[] x, double[] y) {
            for (int k = 0; k < x.length; k++) {
                y[k] = sigmoid(x[k]);
            }
        }

        void backward(double[] x, double[] y, double[] g, double[] gx) {
            for (int k = 0; k < x.length; k++) {
                gx[k] += g[k] * y[k] * (1 - y[k]);
            }
        }
    },
    LOG_SIGMOID {
        void forward(double[] x, double[] y) {
            for (int k = 0; k < x.length; k++) {
                y[k] = -SoftplusMath.softplus(-x[k]);
            }
        }

        void backward(double[] x, double[] y, double[] g, double[] gx) {
            for (int k = 0; k < x.length; k++) {
                // sigmoid(-x) = e^(-x) sigmoid(x) = e^(y - x)
                gx[k] += g[k] * Math.exp(y[k] - x[k]);
            }
        }
    },
    TANH {
        void forward(double[] x, double[] y) {
            for (int k = 0; k < x.length; k++) {
                y[k] = Math.tanh(x[k]);
            }
        }

        void backward(double[] x, double[] y, double[] g, double[] gx) {
            for (int k = 0; k < x.length; k++) {
                gx[k] += g[k] * (1 - y[k] * y[k]);
            }
        }
    };

    /** {@code y = f(x)} for every entry; x and y have one length. */
    abstract void forward(double[] x, double[] y);

    /** {@code gx += g * f'(x)} for every entry, given the forward's output y. */
    abstract void backward(double[] x, double[] y, double[] g, double[] gx);

    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }
}
