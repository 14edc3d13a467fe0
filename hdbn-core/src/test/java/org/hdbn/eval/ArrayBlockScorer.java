package org.hdbn.eval;

/** Test scorer serving fixed per-query score rows, and recording the blocks it was asked for. */
final class ArrayBlockScorer implements BlockScorer {

    private final double[][] rows;
    private final int numItems;
    int calls;
    int largestBlock;

    ArrayBlockScorer(double[][] rows) {
        this.rows = rows;
        this.numItems = rows[0].length;
    }

    @Override
    public int numItems() {
        return numItems;
    }

    @Override
    public void score(int from, int to, double[] out) {
        calls++;
        largestBlock = Math.max(largestBlock, to - from);
        for (int q = from; q < to; q++) {
            System.arraycopy(rows[q], 0, out, (q - from) * numItems, numItems);
        }
    }
}
