package org.hdbn.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model graph as data: its inputs (index columns or feature matrices with their widths) and its
 * named nodes, each a polymorphic {@link NodeSpec}. The JSON form is read and written by
 * {@link SpecMapper}; a variant of a model is another spec, not another code path.
 *
 * @param formatVersion  {@value #FORMAT_VERSION} for this release
 * @param name           a label for reports
 * @param inputs         input name to kind
 * @param featureWidths  columns of each feature input
 * @param nodes          node name to spec, in file order
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record GraphSpec(int formatVersion, String name, Map<String, InputKind> inputs,
        Map<String, Integer> featureWidths, Map<String, NodeSpec> nodes) {

    public static final int FORMAT_VERSION = 1;

    public GraphSpec {
        inputs = inputs == null ? Map.of() : new LinkedHashMap<>(inputs);
        featureWidths = featureWidths == null ? Map.of() : new LinkedHashMap<>(featureWidths);
        nodes = nodes == null ? Map.of() : new LinkedHashMap<>(nodes);
    }

    /** A copy with one node replaced or added (for composing variants in code). */
    public GraphSpec withNode(String nodeName, NodeSpec node) {
        Map<String, NodeSpec> copy = new LinkedHashMap<>(nodes);
        copy.put(nodeName, node);
        return new GraphSpec(formatVersion, name, inputs, featureWidths, copy);
    }
}
