package org.hdbn.tensor;

/**
 * The layout and sizes of one matrix product {@code C += op(A) op(B)}: op(A) is m x k, op(B) k x n.
 */
public record ProductShape(boolean transA, boolean transB, int m, int n, int k) {

    /** Multiply-adds counted as two operations: {@code 2mnk}. */
    public long flops() {
        return 2L * m * n * k;
    }

    @Override
    public String toString() {
        return (transA ? "T" : "N") + (transB ? "T" : "N") + " " + m + "x" + n + "x" + k;
    }
}
