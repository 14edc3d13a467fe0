package org.hdbn.graph.nodes;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import java.util.List;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.Dim;
import org.hdbn.graph.Node;
import org.hdbn.graph.NodeOutput;
import org.hdbn.graph.NodeSpec;
import org.hdbn.graph.SpecException;
import org.hdbn.nn.Embedding;
import org.hdbn.param.Initializer;

/**
 * Looks up rows of a row-sparse table for an index input. Two nodes naming the same
 * {@code parameter} share one table (e.g. positive and negative candidates).
 *
 * @param input      the index input
 * @param rows       table rows: a number or a data dimension such as {@code "users"}
 * @param dim        vector size
 * @param parameter  the table's parameter name; defaults to the node name
 * @param initStd    standard deviation of the normal initial values; default 0.1
 */
@JsonClassDescription("node: a learned embedding table indexed by an index input")
public record EmbeddingSpec(String input, Dim rows, int dim, String parameter, Double initStd) implements NodeSpec {

    public EmbeddingSpec {
        if (input == null || rows == null) {
            throw new SpecException("embedding: fields input and rows are required");
        }
        if (dim <= 0) {
            throw new SpecException("embedding: field dim must be positive, got " + dim);
        }
    }

    @Override
    public List<String> inputs() {
        return List.of(input);
    }

    @Override
    public Node build(BuildContext ctx) {
        ctx.requireIndexInput(input);
        String name = parameter == null ? ctx.nodeName() : parameter;
        double std = initStd == null ? 0.1 : initStd;
        Embedding table = new Embedding(ctx.store(), name, rows.resolve(ctx), dim, Initializer.normal(std),
                ctx.initRng(name));
        return Node.of(table.dim(), f -> NodeOutput.of(table.forward(f.graph(), f.indices(input))));
    }
}
