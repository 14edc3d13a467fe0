package org.hdbn.graph;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * The JSON form of one node: plain data with a {@code type} name, registered through
 * {@link SpecTypeProvider}. {@link #build} creates the node and its parameters.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface NodeSpec {

    /** The names this node reads: other nodes, or inputs of the graph. */
    List<String> inputs();

    /** Builds the node; {@code ctx.nodeName()} is its name, its inputs are already built. */
    Node build(BuildContext ctx);
}
