package org.hdbn.djl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hdbn.param.Parameter;

/**
 * Where one pass's gradients go once PyTorch has back-propagated: each parameter's leaf adds its
 * gradient through {@link Parameter#accumulate}, each row-sparse read through
 * {@link Parameter#accumulateRows}, and only those the loss actually depends on (PyTorch hands
 * out zeros for the others, which must not mark a row-sparse table as densely touched).
 */
final class ParameterGradients {

    /** A row-sparse parameter's rows as read by one gather, with the leaf that collects their gradient. */
    private record SparseRead(Parameter parameter, int[] rows, DjlVar out) {
    }

    private final Map<Parameter, DjlVar> leaves = new IdentityHashMap<>();
    private final List<SparseRead> sparseReads = new ArrayList<>();

    /** The parameter's leaf in this pass, made on first binding. */
    DjlVar leaf(Parameter parameter, Function<Parameter, DjlVar> make) {
        return leaves.computeIfAbsent(parameter, make);
    }

    /** Records that {@code out}, a leaf of its own, holds the given rows of a row-sparse parameter. */
    void sparseRead(Parameter parameter, int[] rows, DjlVar out) {
        sparseReads.add(new SparseRead(parameter, rows, out));
    }

    /** Adds the gradients PyTorch computed for the loss to the parameters it depends on. */
    void deliver(DjlVar loss) {
        Set<DjlVar> reached = reachedFrom(loss);
        for (DjlVar leaf : leaves.values()) {
            if (reached.contains(leaf)) {
                leaf.parameter.accumulate(leaf.arrayOrNull().getGradient().toDoubleArray());
            }
        }
        for (SparseRead read : sparseReads) {
            if (reached.contains(read.out())) {
                read.parameter().accumulateRows(read.rows(), read.out().arrayOrNull().getGradient().toDoubleArray());
            }
        }
    }

    void clear() {
        leaves.clear();
        sparseReads.clear();
    }

    /** Every value the loss was computed from through values that need a gradient (iterative walk). */
    private static Set<DjlVar> reachedFrom(DjlVar loss) {
        Set<DjlVar> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<DjlVar> todo = new ArrayDeque<>();
        todo.push(loss);
        seen.add(loss);
        while (!todo.isEmpty()) {
            for (DjlVar p : todo.pop().parents) {
                if (p.requiresGrad && seen.add(p)) {
                    todo.push(p);
                }
            }
        }
        return seen;
    }
}
