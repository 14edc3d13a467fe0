package org.hdbn.graph.nodes;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import java.util.List;
import org.hdbn.autodiff.Var;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.ForwardContext;
import org.hdbn.graph.Node;
import org.hdbn.graph.NodeOutput;
import org.hdbn.graph.NodeSpec;
import org.hdbn.graph.SpecException;

/** The outputs of several nodes side by side (columns). */
@JsonClassDescription("node: its inputs placed side by side")
public record ConcatSpec(List<String> inputs) implements NodeSpec {

    public ConcatSpec {
        if (inputs == null || inputs.isEmpty()) {
            throw new SpecException("concat needs at least one input");
        }
        inputs = List.copyOf(inputs);
    }

    @Override
    public Node build(BuildContext ctx) {
        return Node.of(ctx.outputDim(inputs), f -> NodeOutput.of(concat(f, inputs)));
    }

    /** The inputs' values side by side; a single input as it is. */
    public static Var concat(ForwardContext f, List<String> names) {
        if (names.size() == 1) {
            return f.value(names.get(0));
        }
        Var[] parts = new Var[names.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = f.value(names.get(i));
        }
        return f.graph().concat(parts);
    }
}
