package org.hdbn.testing;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.param.Parameter;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;

/**
 * The op cases every engine is checked on: each op of {@link Graph} on small random inputs, with
 * every broadcasting pattern, both transposes, repeated rows, row-sparse tables, values used twice
 * and a deep chain. Core checks the tape engine against finite differences with them; another
 * engine's module checks its values and gradients against the tape engine's on the same cases.
 */
public final class OpCases {

    /** How an input's values are drawn: some ops need positive inputs or values away from a kink. */
    public enum Values { ANY, POSITIVE, AWAY_FROM_ZERO }

    /** One input of a case: its shape, how its values are drawn, and whether it is row-sparse. */
    public record Input(int[] shape, Values values, boolean rowSparse) {
        static Input of(Values v, int... shape) {
            return new Input(shape, v, false);
        }
    }

    /**
     * An op applied to parameters bound as inputs.
     *
     * @param op  the op's name, or {@code name/arity} when the name is overloaded (see {@link #opKeys()})
     */
    public record Case(String op, String label, List<Input> inputs, BiFunction<Graph, List<Var>, Var> f) {
        @Override
        public String toString() {
            return op + " " + label;
        }

        /** Fresh parameters {@code x0, x1, ...} with the case's shapes, values drawn from a stream seeded by the case. */
        public List<Parameter> parameters(long seed) {
            UniformRandomProvider rng = RandomStreams.create(seed, toString());
            List<Parameter> params = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                Input in = inputs.get(i);
                Tensor v = GradientCheck.randomLike(in.shape(), rng);
                double[] d = v.data();
                for (int k = 0; k < d.length; k++) {
                    d[k] = switch (in.values()) {
                        case ANY -> 2 * d[k];
                        case POSITIVE -> 0.5 + 1.5 * Math.abs(d[k]);
                        case AWAY_FROM_ZERO -> Math.copySign(0.1 + Math.abs(d[k]), d[k]);
                    };
                }
                params.add(new Parameter("x" + i, v, in.rowSparse()));
            }
            return params;
        }
    }

    static final int R = 3;
    static final int C = 4;

    private OpCases() {
    }

    /** Every case, in a fixed order. */
    public static Stream<Case> cases() {
        List<Case> cs = new ArrayList<>();
        Values any = Values.ANY;
        // elementwise binary, with every broadcasting pattern
        for (String op : List.of("add", "sub", "mul", "div")) {
            Values second = op.equals("div") ? Values.POSITIVE : any;
            BiFunction<Graph, List<Var>, Var> f = (g, x) -> switch (op) {
                case "add" -> g.add(x.get(0), x.get(1));
                case "sub" -> g.sub(x.get(0), x.get(1));
                case "mul" -> g.mul(x.get(0), x.get(1));
                default -> g.div(x.get(0), x.get(1));
            };
            cs.add(new Case(op, "same shape", List.of(Input.of(any, R, C), Input.of(second, R, C)), f));
            cs.add(new Case(op, "row vector", List.of(Input.of(any, R, C), Input.of(second, C)), f));
            cs.add(new Case(op, "1-row matrix", List.of(Input.of(any, R, C), Input.of(second, 1, C)), f));
            cs.add(new Case(op, "column", List.of(Input.of(any, R, C), Input.of(second, R, 1)), f));
            cs.add(new Case(op, "scalar", List.of(Input.of(any, R, C), Input.of(second)), f));
            cs.add(new Case(op, "vector left", List.of(Input.of(any, C), Input.of(second, R, C)), f));
            cs.add(new Case(op, "same input twice", List.of(Input.of(Values.POSITIVE, R, C)),
                    (g, x) -> switch (op) {
                        case "add" -> g.add(x.get(0), x.get(0));
                        case "sub" -> g.sub(g.square(x.get(0)), x.get(0));
                        case "mul" -> g.mul(x.get(0), x.get(0));
                        default -> g.div(g.exp(x.get(0)), x.get(0));
                    }));
        }
        unary(cs, "neg", any, Graph::neg);
        unary(cs, "square", any, Graph::square);
        unary(cs, "sqrt", Values.POSITIVE, Graph::sqrt);
        unary(cs, "exp", any, Graph::exp);
        unary(cs, "log", Values.POSITIVE, Graph::log);
        unary(cs, "log1p", Values.POSITIVE, Graph::log1p);
        unary(cs, "softplus", any, Graph::softplus);
        unary(cs, "relu", Values.AWAY_FROM_ZERO, Graph::relu);
        unary(cs, "sigmoid", any, Graph::sigmoid);
        unary(cs, "logSigmoid", any, Graph::logSigmoid);
        unary(cs, "tanh", any, Graph::tanh);
        unary(cs, "softmax", any, Graph::softmax);
        unary(cs, "logSoftmax", any, Graph::logSoftmax);
        cs.add(new Case("softmax", "vector", List.of(Input.of(any, C)), (g, x) -> g.softmax(x.get(0))));
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                int[] a = ta ? new int[] {C, R} : new int[] {R, C};
                int[] b = tb ? new int[] {5, C} : new int[] {C, 5};
                cs.add(new Case("matmul/4", "ta=" + ta + " tb=" + tb, List.of(Input.of(any, a), Input.of(any, b)),
                        (g, x) -> g.matmul(x.get(0), ta, x.get(1), tb)));
            }
        }
        cs.add(new Case("matmul/2", "", List.of(Input.of(any, R, C), Input.of(any, C, 2)),
                (g, x) -> g.matmul(x.get(0), x.get(1))));
        cs.add(new Case("matmul/2", "same input twice", List.of(Input.of(any, C, C)),
                (g, x) -> g.matmul(x.get(0), x.get(0))));
        int[] rows = {2, 0, 2, 4, 1};
        cs.add(new Case("gather", "dense table, repeated rows", List.of(Input.of(any, 5, C)),
                (g, x) -> g.gather(x.get(0), rows)));
        cs.add(new Case("gather", "row-sparse table", List.of(new Input(new int[] {5, C}, any, true)),
                (g, x) -> g.gather(x.get(0), rows)));
        cs.add(new Case("gather", "vector", List.of(Input.of(any, 5)), (g, x) -> g.gather(x.get(0), rows)));
        cs.add(new Case("gather", "of a computed value", List.of(Input.of(any, 5, C)),
                (g, x) -> g.gather(g.tanh(x.get(0)), rows)));
        cs.add(new Case("concat", "three parts", List.of(Input.of(any, R, 2), Input.of(any, R, 1), Input.of(any, R, 3)),
                (g, x) -> g.concat(x.get(0), x.get(1), x.get(2))));
        cs.add(new Case("concatRows", "three parts", List.of(Input.of(any, 2, C), Input.of(any, 1, C), Input.of(any, 3, C)),
                (g, x) -> g.concatRows(x.get(0), x.get(1), x.get(2))));
        cs.add(new Case("concatRows", "same part twice", List.of(Input.of(any, 2, C)),
                (g, x) -> g.concatRows(x.get(0), g.square(x.get(0)), x.get(0))));
        cs.add(new Case("columns", "", List.of(Input.of(any, R, 6)), (g, x) -> g.columns(x.get(0), 1, 4)));
        cs.add(new Case("reshape", "", List.of(Input.of(any, R, C)), (g, x) -> g.reshape(g.square(x.get(0)), C, R)));
        cs.add(new Case("sum/1", "", List.of(Input.of(any, R, C)), (g, x) -> g.sum(x.get(0))));
        cs.add(new Case("sum/2", "axis 0", List.of(Input.of(any, R, C)), (g, x) -> g.sum(x.get(0), 0)));
        cs.add(new Case("sum/2", "axis 1", List.of(Input.of(any, R, C)), (g, x) -> g.sum(x.get(0), 1)));
        cs.add(new Case("sum/2", "vector", List.of(Input.of(any, C)), (g, x) -> g.sum(x.get(0), 0)));
        cs.add(new Case("mean/1", "", List.of(Input.of(any, R, C)), (g, x) -> g.mean(x.get(0))));
        cs.add(new Case("mean/2", "axis 0", List.of(Input.of(any, R, C)), (g, x) -> g.mean(x.get(0), 0)));
        cs.add(new Case("mean/2", "axis 1", List.of(Input.of(any, R, C)), (g, x) -> g.mean(x.get(0), 1)));
        cs.add(new Case("rowDot", "", List.of(Input.of(any, R, C), Input.of(any, R, C)),
                (g, x) -> g.rowDot(x.get(0), x.get(1))));
        cs.add(new Case("rowDot", "same input twice", List.of(Input.of(any, R, C)),
                (g, x) -> g.rowDot(x.get(0), x.get(0))));
        cs.add(new Case("scale", "", List.of(Input.of(any, R, C)), (g, x) -> g.scale(x.get(0), -2.5)));
        cs.add(new Case("addScalar", "", List.of(Input.of(any, R, C)), (g, x) -> g.square(g.addScalar(x.get(0), 0.7))));
        cs.add(new Case("constant", "mixed with a parameter", List.of(Input.of(any, R, C)),
                (g, x) -> g.mul(x.get(0), g.constant(Tensor.vector(1, -2, 3, 0.5)))));
        cs.add(new Case("scalar", "", List.of(Input.of(any, R, C)), (g, x) -> g.mul(x.get(0), g.scalar(3))));
        cs.add(new Case("param", "leaf used directly", List.of(Input.of(any, R, C)), (g, x) -> x.get(0)));
        // a deep chain: backward is iterative, so depth costs no stack
        cs.add(new Case("neg", "a chain of 20000 ops", List.of(Input.of(any, 2, 2)), (g, x) -> {
            Var v = x.get(0);
            for (int i = 0; i < 20000; i++) {
                v = g.neg(v);
            }
            return v;
        }));
        // fused ops, in every layout the tape fuses and one it leaves to the composition
        cs.add(new Case("linear", "bias vector", List.of(Input.of(any, R, C), Input.of(any, C, 5), Input.of(any, 5)),
                (g, x) -> g.linear(x.get(0), x.get(1), x.get(2))));
        cs.add(new Case("linear", "1-row bias", List.of(Input.of(any, R, C), Input.of(any, C, 5), Input.of(any, 1, 5)),
                (g, x) -> g.linear(x.get(0), x.get(1), x.get(2))));
        cs.add(new Case("linear", "bias matrix (composed)", List.of(Input.of(any, R, C), Input.of(any, C, 5),
                Input.of(any, R, 5)), (g, x) -> g.linear(x.get(0), x.get(1), x.get(2))));
        cs.add(new Case("linear", "same input as x and w", List.of(Input.of(any, C, C), Input.of(any, C)),
                (g, x) -> g.linear(x.get(0), x.get(0), x.get(1))));
        Values pos = Values.POSITIVE;
        cs.add(new Case("gaussianLinear", "", List.of(Input.of(any, R, C), Input.of(any, C, 5), Input.of(pos, C, 5),
                Input.of(any, 5), Input.of(pos, 5), Input.of(any, R, 5)),
                (g, x) -> g.gaussianLinear(x.get(0), x.get(1), x.get(2), x.get(3), x.get(4), x.get(5))));
        cs.add(new Case("gaussianLinear", "1-row biases (composed)", List.of(Input.of(any, R, C), Input.of(any, C, 5),
                Input.of(pos, C, 5), Input.of(any, 1, 5), Input.of(pos, 1, 5), Input.of(any, R, 5)),
                (g, x) -> g.gaussianLinear(x.get(0), x.get(1), x.get(2), x.get(3), x.get(4), x.get(5))));
        cs.add(new Case("gaussianLinear", "scales from the means' input", List.of(Input.of(any, R, C),
                Input.of(any, C, 5), Input.of(any, 5), Input.of(any, R, 5)),
                (g, x) -> g.gaussianLinear(x.get(0), x.get(1), g.softplus(x.get(1)), x.get(2), g.exp(x.get(2)), x.get(3))));
        cs.add(new Case("gaussianKl", "fixed prior of constants", List.of(Input.of(any, R, C), Input.of(pos, R, C)),
                (g, x) -> g.gaussianKl(x.get(0), x.get(1), g.scalar(0.3), g.scalar(1.5))));
        cs.add(new Case("sumOfSquares", "", List.of(Input.of(any, R, C)), (g, x) -> g.sumOfSquares(x.get(0))));
        cs.add(new Case("sumOfSquares", "vector", List.of(Input.of(any, C)), (g, x) -> g.sumOfSquares(g.tanh(x.get(0)))));
        cs.add(new Case("gaussianKl", "same shapes", List.of(Input.of(any, R, C), Input.of(pos, R, C),
                Input.of(any, R, C), Input.of(pos, R, C)), (g, x) -> g.gaussianKl(x.get(0), x.get(1), x.get(2), x.get(3))));
        cs.add(new Case("gaussianKl", "scalar prior", List.of(Input.of(any, R, C), Input.of(pos, R, C),
                Input.of(any), Input.of(pos)), (g, x) -> g.gaussianKl(x.get(0), x.get(1), x.get(2), x.get(3))));
        cs.add(new Case("gaussianKl", "row-vector prior (composed)", List.of(Input.of(any, R, C), Input.of(pos, R, C),
                Input.of(any, C), Input.of(pos, C)), (g, x) -> g.gaussianKl(x.get(0), x.get(1), x.get(2), x.get(3))));
        cs.add(new Case("gaussianKl", "one input for both means", List.of(Input.of(any, R, C), Input.of(pos, R, C),
                Input.of(pos)), (g, x) -> g.gaussianKl(x.get(0), x.get(1), g.square(x.get(0)), x.get(2))));
        cs.add(new Case("bprLoss", "2 negatives", List.of(Input.of(any, R, C), Input.of(any, R * 3, C)),
                (g, x) -> g.bprLoss(x.get(0), x.get(1))));
        cs.add(new Case("bprLoss", "queries read from the candidates", List.of(Input.of(any, 2 * 4, C)),
                (g, x) -> g.bprLoss(g.gather(x.get(0), new int[] {0, 1}), x.get(0))));
        return cs.stream();
    }

    private static void unary(List<Case> cs, String op, Values values, BiFunction<Graph, Var, Var> f) {
        cs.add(new Case(op, "matrix", List.of(Input.of(values, R, C)), (g, x) -> f.apply(g, x.get(0))));
    }

    /** The op set of {@link Graph}: every method returning a {@link Var}, keyed as {@link Case#op()} is. */
    public static Set<String> opKeys() {
        Set<String> ops = new TreeSet<>();
        for (Method m : Graph.class.getMethods()) {
            if (m.getReturnType() == Var.class) {
                ops.add(key(m));
            }
        }
        return ops;
    }

    private static String key(Method m) {
        long overloads = Arrays.stream(Graph.class.getMethods()).filter(o -> o.getName().equals(m.getName())).count();
        return overloads > 1 ? m.getName() + "/" + m.getParameterCount() : m.getName();
    }
}
