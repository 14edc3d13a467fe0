package org.hdbn.graph;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.hdbn.nn.Block;

/**
 * The JSON form of a network used inside a node (an encoder, an expert): a {@code type} name and
 * its configuration. The node decides the input and output sizes.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface BlockSpec {

    Block build(BuildContext ctx, String name, int inputDim, int outputDim);
}
