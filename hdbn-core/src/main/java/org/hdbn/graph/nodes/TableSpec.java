package org.hdbn.graph.nodes;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import java.util.List;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.Node;
import org.hdbn.graph.NodeOutput;
import org.hdbn.graph.NodeSpec;
import org.hdbn.graph.SpecException;
import org.hdbn.tensor.Tensor;

/**
 * Rows of a constant table the data provides (e.g. each song's mood distribution) for an index
 * input; no parameters, no gradient.
 *
 * @param table  the table's name among the data's tables
 * @param input  the index input
 */
@JsonClassDescription("node: rows of a constant table the data provides (e.g. song_mood) by an index input")
public record TableSpec(String table, String input) implements NodeSpec {

    public TableSpec {
        if (table == null || input == null) {
            throw new SpecException("table: fields table and input are required");
        }
    }

    @Override
    public List<String> inputs() {
        return List.of(input);
    }

    @Override
    public Node build(BuildContext ctx) {
        ctx.requireIndexInput(input);
        Tensor values = ctx.table(table);
        return Node.of(values.cols(),
                f -> NodeOutput.of(f.graph().gather(f.graph().constant(values), f.indices(input))));
    }
}
