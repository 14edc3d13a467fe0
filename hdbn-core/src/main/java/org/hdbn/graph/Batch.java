package org.hdbn.graph;

import java.util.Map;

/**
 * The data of one pass: named index columns (e.g. user, context, candidate item) and named
 * feature matrices, all with the same number of rows unless a node documents otherwise (a ranking
 * loss reads candidates for positives and negatives together).
 */
public record Batch(Map<String, int[]> indices, Map<String, org.hdbn.tensor.Tensor> features) {

    public Batch {
        indices = Map.copyOf(indices);
        features = Map.copyOf(features);
    }

    public static Batch ofIndices(Map<String, int[]> indices) {
        return new Batch(indices, Map.of());
    }

    public int[] index(String name) {
        int[] column = indices.get(name);
        if (column == null) {
            throw new IllegalArgumentException("the batch has no index column '" + name + "'; it has "
                    + indices.keySet());
        }
        return column;
    }

    public org.hdbn.tensor.Tensor feature(String name) {
        org.hdbn.tensor.Tensor t = features.get(name);
        if (t == null) {
            throw new IllegalArgumentException("the batch has no feature input '" + name + "'; it has "
                    + features.keySet());
        }
        return t;
    }
}
