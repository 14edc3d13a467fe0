package org.hdbn.variational.latent;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.hdbn.graph.BuildContext;

/**
 * The JSON form of a latent node's prior ({@code type}): the standard normal, a learned diagonal
 * Gaussian, or another latent node's posterior (a conditional prior).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface LatentPriorSpec {

    /** The nodes the prior reads, which must run before the latent node. */
    default List<String> reads() {
        return List.of();
    }

    /** Builds the prior of the latent node {@code ctx.nodeName()} of the given size. */
    LatentPrior build(BuildContext ctx, int size);
}
