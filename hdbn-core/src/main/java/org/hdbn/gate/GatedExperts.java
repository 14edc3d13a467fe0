package org.hdbn.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.nn.Block;
import org.hdbn.nn.ForwardMode;

/**
 * One expert network per group, each row of a batch routed to the expert of its entity's group
 * (HDBN's group-specific mood-preference BNNs, Jing et al., arXiv 2406.14090, section 4.3). Each
 * group present in a batch costs one batched pass of its expert; experts of absent groups are not
 * run, so their parameters receive no gradient. The gate assigns and this class routes: neither
 * knows what the experts are.
 */
public final class GatedExperts {

    private final Gate gate;
    private final List<Block> experts;

    public GatedExperts(Gate gate, List<Block> experts) {
        if (experts.size() != gate.numGroups()) {
            throw new IllegalArgumentException(gate.numGroups() + " groups need as many experts, got " + experts.size());
        }
        this.gate = gate;
        this.experts = List.copyOf(experts);
    }

    public List<Block> experts() {
        return experts;
    }

    public Gate gate() {
        return gate;
    }

    /** The groups of the given entities, in ascending order, each once. */
    public int[] groupsPresent(int[] entities) {
        boolean[] present = new boolean[gate.numGroups()];
        for (int e : entities) {
            present[gate.group(e)] = true;
        }
        int n = 0;
        for (boolean p : present) {
            n += p ? 1 : 0;
        }
        int[] out = new int[n];
        for (int g = 0, k = 0; g < present.length; g++) {
            if (present[g]) {
                out[k++] = g;
            }
        }
        return out;
    }

    /** For each group, the first row whose entity is in it, or -1 when no row is. */
    public int[] firstRows(int[] entities) {
        int[] first = new int[gate.numGroups()];
        java.util.Arrays.fill(first, -1);
        for (int r = entities.length - 1; r >= 0; r--) {
            first[gate.group(entities[r])] = r;
        }
        return first;
    }

    /**
     * Row {@code r} of the result is {@code expert[group(entities[r])](input[r])}.
     *
     * @param input     {@code [rows, inputDim]}
     * @param entities  one entity per row
     */
    public Var forward(Graph g, Var input, int[] entities, ForwardMode mode) {
        return forward(g, input, entities, group -> mode);
    }

    /**
     * As {@link #forward(Graph, Var, int[], ForwardMode)}, each expert run in the mode given for its
     * group: a node gives each expert the loss sink of the shard that adds its batch-level terms.
     */
    public Var forward(Graph g, Var input, int[] entities, IntFunction<ForwardMode> modeOfGroup) {
        if (input.rows() != entities.length) {
            throw new IllegalArgumentException("gated experts: " + input.rows() + " input rows but " + entities.length
                    + " entities");
        }
        int[] groups = groupsPresent(entities);
        if (groups.length == 1) {
            return experts.get(groups[0]).forward(g, input, modeOfGroup.apply(groups[0]));
        }
        int[][] rowsOf = rowsByGroup(entities);
        List<Var> outputs = new ArrayList<>();
        int[] placeOf = new int[entities.length];
        int stacked = 0;
        for (int grp : groups) {
            int[] rows = rowsOf[grp];
            outputs.add(experts.get(grp).forward(g, g.gather(input, rows), modeOfGroup.apply(grp)));
            for (int r : rows) {
                placeOf[r] = stacked++;
            }
        }
        // the experts' outputs are stacked group after group; one gather puts every row back in place
        return g.gather(g.concatRows(outputs.toArray(Var[]::new)), placeOf);
    }

    private int[][] rowsByGroup(int[] entities) {
        int[] counts = new int[gate.numGroups()];
        for (int e : entities) {
            counts[gate.group(e)]++;
        }
        int[][] rows = new int[counts.length][];
        for (int grp = 0; grp < counts.length; grp++) {
            rows[grp] = new int[counts[grp]];
        }
        int[] fill = new int[counts.length];
        for (int r = 0; r < entities.length; r++) {
            int grp = gate.group(entities[r]);
            rows[grp][fill[grp]++] = r;
        }
        return rows;
    }
}
