package org.hdbn.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a spec author reads when a spec is wrong: the misspelt field, type or node named with the
 * nearest valid names, the path to it, and for an unknown type the hint that an extension may be
 * missing from the class path.
 */
class SpecErrorsTest {

    final SpecMapper mapper = new SpecMapper();

    /** A section a constructor insists on, as a model spec's training section. */
    record Document(int formatVersion, Map<String, Integer> training) {
        Document {
            if (training == null) {
                throw new SpecException("a document needs a training section");
            }
        }
    }

    <T> T read(String json, Class<T> type) {
        return mapper.read("test.json", new ByteArrayInputStream(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8)),
                type);
    }

    @Test
    void aMisspeltSectionIsNamedRatherThanTheConstructorsComplaint() {
        assertThatThrownBy(() -> read("{'formatVersion': 1, 'trainng': {'epochs': 3}}", Document.class))
                .isInstanceOf(SpecException.class)
                .hasMessage("test.json: unknown field 'trainng' of Document (did you mean 'training'?); its fields: "
                        + "[formatVersion, training]");
    }

    @Test
    void aMisspeltFieldOfANodeIsNamedWithItsPath() {
        assertThatThrownBy(() -> read("{'formatVersion': 1, 'inputs': {'user': 'index'}, 'nodes': {"
                + "'e': {'type': 'embedding', 'input': 'user', 'rows': 'users', 'dimm': 4}}}", GraphSpec.class))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("(at nodes.e)").hasMessageContaining("unknown field 'dimm'")
                .hasMessageContaining("did you mean 'dim'?");
    }

    @Test
    void anUnknownTypeListsTheRegisteredOnesAndMentionsExtensions() {
        assertThatThrownBy(() -> read("{'formatVersion': 1, 'inputs': {'user': 'index'}, 'nodes': {"
                + "'e': {'type': 'embeding', 'input': 'user', 'rows': 'users', 'dim': 4}}}", GraphSpec.class))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("test.json line 1").hasMessageContaining("unknown NodeSpec type 'embeding'")
                .hasMessageContaining("(did you mean 'embedding'?)").hasMessageContaining("registered: [")
                .hasMessageContaining("--plugin JAR, or HDBN_CLASSPATH");
    }

    @Test
    void aMisspeltNodeNameIsNamedBeforeAnythingIsBuilt() {
        GraphSpec spec = read("{'formatVersion': 1, 'inputs': {'user': 'index'}, 'nodes': {"
                + "'user_emb': {'type': 'embedding', 'input': 'user', 'rows': 'users', 'dim': 4},"
                + "'both': {'type': 'concat', 'inputs': ['user_emb', 'usr_emb']}}}", GraphSpec.class);
        assertThatThrownBy(() -> ModelGraph.checkWiring(spec)).isInstanceOf(SpecException.class)
                .hasMessageContaining("node 'both' reads 'usr_emb', which is neither a node nor an input "
                        + "(did you mean 'user_emb'?)");
    }

    @Test
    void aTypeNameRegisteredTwiceIsRefused() {
        SpecTypeProvider core = new org.hdbn.graph.nodes.CoreSpecTypes();
        SpecTypeProvider clash = () -> java.util.List.of(new SpecTypeProvider.SpecType(NodeSpec.class, "concat",
                org.hdbn.graph.nodes.EmbeddingSpec.class));
        assertThatThrownBy(() -> new SpecMapper(java.util.List.of(core, clash))).isInstanceOf(SpecException.class)
                .hasMessage("NodeSpec type 'concat' is registered twice: by org.hdbn.graph.nodes.ConcatSpec and by "
                        + "org.hdbn.graph.nodes.EmbeddingSpec");
        assertThat(new SpecMapper(java.util.List.of(core, core)).typeNames(NodeSpec.class)).contains("concat");
    }
}
