package org.hdbn.autodiff.tape;

/** Elementwise functions, each with its derivative beside it, given the input x and output y. */
enum Pointwise {
    NEG {
        double f(double x) { return -x; }
        double df(double x, double y) { return -1; }
    },
    SQUARE {
        double f(double x) { return x * x; }
        double df(double x, double y) { return 2 * x; }
    },
    SQRT {
        double f(double x) { return Math.sqrt(x); }
        double df(double x, double y) { return 0.5 / y; }
    },
    EXP {
        double f(double x) { return Math.exp(x); }
        double df(double x, double y) { return y; }
    },
    LOG {
        double f(double x) { return Math.log(x); }
        double df(double x, double y) { return 1 / x; }
    },
    LOG1P {
        double f(double x) { return Math.log1p(x); }
        double df(double x, double y) { return 1 / (1 + x); }
    },
    SOFTPLUS {
        double f(double x) { return softplus(x); }
        double df(double x, double y) { return sigmoid(x); }
    },
    RELU {
        double f(double x) { return x > 0 ? x : 0; }
        double df(double x, double y) { return x > 0 ? 1 : 0; }
    },
    SIGMOID {
        double f(double x) { return sigmoid(x); }
        double df(double x, double y) { return y * (1 - y); }
    },
    LOG_SIGMOID {
        double f(double x) { return -softplus(-x); }
        double df(double x, double y) { return sigmoid(-x); }
    },
    TANH {
        double f(double x) { return Math.tanh(x); }
        double df(double x, double y) { return 1 - y * y; }
    };

    abstract double f(double x);

    abstract double df(double x, double y);

    /** {@code log(1 + e^x)} without overflow for large x or loss of precision for very negative x. */
    static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }
}
