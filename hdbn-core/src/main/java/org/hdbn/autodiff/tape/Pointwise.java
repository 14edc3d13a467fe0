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
        void forward(double[] x, double[] y) {
            for (int k = 0; k < x.length; k++) {
                y[k] = softplus(x[k]);
            }
        }

        void backward(double[] x, double[] y, double[] g, double[] gx) {
            for (int k = 0; k < x.length; k++) {
                // sigmoid(x) = e^x / (1 + e^x) = e^(x - y): one exponential, no division
                gx[k] += g[k] * Math.exp(x[k] - y[k]);
            }
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
                y[k] = -softplus(-x[k]);
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

    /** {@code log(1 + e^x)} without overflow for large x or loss of precision for very negative x. */
    static double softplus(double x) {
        return Math.max(x, 0) + log1pSmall(Math.exp(-Math.abs(x)));
    }

    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /**
     * {@code log(1 + t)} for {@code 0 <= t <= 1} through the natural log, which the JIT compiles to
     * an intrinsic ({@link Math#log1p} is a far slower library call). {@code u = 1 + t} rounds away
     * {@code d = t - (u - 1)} (exactly computed, at most half an ulp of 1); since
     * {@code log(1 + t) = log(u) + log(1 + d / u)}, adding d back leaves an error of about
     * {@code d * t}, far below an ulp of the result for every t.
     */
    static double log1pSmall(double t) {
        double u = 1 + t;
        return Math.log(u) + (t - (u - 1));
    }
}
