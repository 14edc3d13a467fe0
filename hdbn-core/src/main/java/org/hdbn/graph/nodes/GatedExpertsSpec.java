package org.hdbn.graph.nodes;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import org.hdbn.gate.Gate;
import org.hdbn.gate.GatedExperts;
import org.hdbn.graph.BlockSpec;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.Dim;
import org.hdbn.graph.Node;
import org.hdbn.graph.NodeOutput;
import org.hdbn.graph.NodeSpec;
import org.hdbn.graph.SpecException;
import org.hdbn.nn.Block;

/**
 * The spec of {@link GatedExperts} (type {@code gated_experts}): one expert per group of a fitted
 * gate, named {@code node/expert0}, {@code node/expert1}, ...
 *
 * <p>Experts with loss terms of their own (a Bayesian network's weight KL, weighted by the
 * expert's own {@code klWeight} and {@code datasetSize}) add them for every expert the step's batch
 * ran. When a trainer splits the batch, each expert's batch-level terms are kept by the shard
 * holding the first row routed to it (see {@link org.hdbn.graph.BatchShard}).
 *
 * @param input        the node whose rows are routed
 * @param entity       the index input naming each row's entity (e.g. {@code user})
 * @param gate         the gate resource; default {@code user_group}
 * @param out          each expert's output size (a number or a data dimension)
 * @param expert       the network of each expert
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonClassDescription("node: one expert network per group of a fitted gate; each row goes to its entity's group's expert")
public record GatedExpertsSpec(String input, String entity, String gate, Dim out, BlockSpec expert)
        implements NodeSpec {

    public static final String DEFAULT_GATE = "user_group";

    public GatedExpertsSpec {
        if (input == null || entity == null || out == null || expert == null) {
            throw new SpecException("gated_experts: fields input, entity, out and expert are required");
        }
    }

    @Override
    public List<String> inputs() {
        return List.of(input, entity);
    }

    @Override
    public Node build(BuildContext ctx) {
        ctx.requireIndexInput(entity);
        Gate g = ctx.resource(gate == null ? DEFAULT_GATE : gate, Gate.class);
        int in = ctx.outputDim(input);
        int width = out.resolve(ctx);
        List<Block> experts = new ArrayList<>();
        for (int grp = 0; grp < g.numGroups(); grp++) {
            experts.add(expert.build(ctx, ctx.nodeName() + "/expert" + grp, in, width));
        }
        GatedExperts routed = new GatedExperts(g, experts);
        // its rows are distributions when every expert's are (HDBN's softmax mood preference)
        boolean distribution = experts.stream().allMatch(Block::outputsDistribution);
        return Node.of(width, distribution, f -> {
            // each expert's batch-level terms are kept by the shard holding the first row of the whole batch routed to it
            int[] firstRow = routed.firstRows(f.shard().whole().index(entity));
            return NodeOutput.of(routed.forward(f.graph(), f.value(input), f.indices(entity),
                    grp -> f.mode().reportingTo(f.batchTermsFrom(firstRow[grp]))));
        });
    }
}
