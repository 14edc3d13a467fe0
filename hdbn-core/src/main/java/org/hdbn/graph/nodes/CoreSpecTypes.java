package org.hdbn.graph.nodes;

import java.util.List;
import org.hdbn.gate.CentroidGate;
import org.hdbn.gate.FixedGate;
import org.hdbn.gate.FixedGateSpec;
import org.hdbn.gate.Gate;
import org.hdbn.gate.GateSpec;
import org.hdbn.gate.SingleGate;
import org.hdbn.gate.SingleGateSpec;
import org.hdbn.graph.BlockSpec;
import org.hdbn.graph.NodeSpec;
import org.hdbn.graph.SpecTypeProvider;
import org.hdbn.optim.AdamSpec;
import org.hdbn.optim.OptimizerSpec;
import org.hdbn.optim.SgdSpec;
import org.hdbn.train.NegativeSamplingSpec;

/** The spec types hdbn-core contributes. */
public final class CoreSpecTypes implements SpecTypeProvider {

    @Override
    public List<SpecType> specTypes() {
        return List.of(
                new SpecType(NodeSpec.class, "embedding", EmbeddingSpec.class),
                new SpecType(NodeSpec.class, "table", TableSpec.class),
                new SpecType(NodeSpec.class, "concat", ConcatSpec.class),
                new SpecType(NodeSpec.class, "block", BlockNodeSpec.class),
                new SpecType(NodeSpec.class, "bpr", BprLossSpec.class),
                new SpecType(NodeSpec.class, "history_affinity", HistoryAffinitySpec.class),
                new SpecType(NodeSpec.class, "scale", ScaleSpec.class),
                new SpecType(NodeSpec.class, "softmax", SoftmaxSpec.class),
                new SpecType(NodeSpec.class, "l2", L2PenaltySpec.class),
                new SpecType(NodeSpec.class, "categorical_kl", CategoricalKlSpec.class),
                new SpecType(NodeSpec.class, "gated_experts", GatedExpertsSpec.class),
                new SpecType(BlockSpec.class, "mlp", MlpBlockSpec.class),
                new SpecType(NegativeSamplingSpec.class, "unseen", NegativeSamplingSpec.Unseen.class),
                new SpecType(NegativeSamplingSpec.class, "all_items", NegativeSamplingSpec.AllItems.class),
                new SpecType(GateSpec.class, "single", SingleGateSpec.class),
                new SpecType(GateSpec.class, "fixed", FixedGateSpec.class),
                new SpecType(Gate.class, "centroid", CentroidGate.class),
                new SpecType(Gate.class, "fixed", FixedGate.class),
                new SpecType(Gate.class, "single", SingleGate.class),
                new SpecType(OptimizerSpec.class, "adam", AdamSpec.class),
                new SpecType(OptimizerSpec.class, "sgd", SgdSpec.class));
    }

    @Override
    public List<Retired> retired() {
        String moved = "a network adds its own KL: write it in \"expert\", e.g. {\"type\": \"bayesian_mlp\", ..., "
                + "\"klWeight\": 1, \"datasetSize\": \"train\"}";
        return List.of(
                new Retired(NodeSpec.class, "gated_experts", "klWeight", moved),
                new Retired(NodeSpec.class, "gated_experts", "datasetSize", moved));
    }
}
