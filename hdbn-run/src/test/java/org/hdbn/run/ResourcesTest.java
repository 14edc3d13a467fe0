package org.hdbn.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.hdbn.gate.FixedGate;
import org.hdbn.gate.Gate;
import org.hdbn.gate.GateSpec;
import org.hdbn.gate.SingleGate;
import org.hdbn.gate.SingleGateSpec;
import org.hdbn.graph.SpecException;
import org.hdbn.graph.SpecMapper;
import org.hdbn.run.data.InMemoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spec's named resources: fitted by one path, saved with the model through the spec mapper. */
class ResourcesTest {

    @TempDir
    Path dir;

    static ModelSpec gatedSpec(SpecMapper mapper) throws URISyntaxException {
        return ModelSpec.read(mapper, Path.of(ResourcesTest.class.getResource("/planted-gated.json").toURI()));
    }

    @Test
    void everyResourceIsFittedOnItsFeaturesInTheSpecsOrder() throws Exception {
        InMemoryDataset data = PlantedData.create(3);
        ModelSpec spec = gatedSpec(new SpecMapper());
        Map<String, Gate> fitted = ResourceFitter.fit(spec.resources(), data, 5);
        assertThat(fitted.keySet()).containsExactly("by_group", "everyone");
        FixedGate byGroup = (FixedGate) fitted.get("by_group");
        for (int u = 0; u < PlantedData.USERS; u++) {
            assertThat(byGroup.group(u)).isEqualTo(data.userCategories().get("group").codes()[u]);
        }
        // the group centroids are the mean genre histograms of their members: all of group g's items are genre g
        assertThat(byGroup.centroids()[0]).containsExactly(1, 0);
        assertThat(byGroup.centroids()[1]).containsExactly(0, 1);
        assertThat(fitted.get("everyone")).isEqualTo(new SingleGate(PlantedData.USERS));
    }

    @Test
    void theFittedResourcesAreSavedWithTheModelAndReloadedEqual() throws Exception {
        InMemoryDataset data = PlantedData.create(3);
        SpecMapper mapper = new SpecMapper();
        TrainedModel model = ModelTrainerTest.train(gatedSpec(mapper), data, 5);
        model.save(dir.resolve("m"), mapper);
        TrainedModel loaded = TrainedModel.load(dir.resolve("m"), data, mapper);
        assertThat(loaded.resources()).isEqualTo(model.resources());
        assertThat(loaded.resources().keySet()).containsExactly("by_group", "everyone");
        assertThat(loaded.spec()).isEqualTo(model.spec());
    }

    @Test
    void featuresTheDataSetLacksAreRefusedWithTheNearestName() {
        InMemoryDataset data = PlantedData.create(3);
        Map<String, GateSpec> specs = Map.of("g", new SingleGateSpec("user_genre_histgram"));
        assertThatThrownBy(() -> ResourceFitter.fit(specs, data, 1)).isInstanceOf(SpecException.class)
                .hasMessageContaining("resource 'g'").hasMessageContaining("'user_genre_histgram'")
                .hasMessageContaining("user_genre_histogram");
        assertThatThrownBy(() -> ResourceFitter.fit(Map.of("g", new SingleGateSpec(null)), data, 1))
                .hasMessageContaining("resource 'g': field features is required");
    }

    @Test
    void aResourceMayNotTakeTheNameOfOneTheDataProvides() {
        InMemoryDataset data = PlantedData.create(3);
        Map<String, GateSpec> specs = Map.of(DataBinding.HISTORY, new SingleGateSpec("user_genre_histogram"));
        assertThatThrownBy(() -> new DataBinding(data).context(new org.hdbn.param.ParameterStore(), 1,
                ResourceFitter.fit(specs, data, 1))).hasMessageContaining("resource 'train_history'");
    }

    @Test
    void aSpecWithTheOldTopLevelGateIsToldWhatToWrite() throws Exception {
        Path file = dir.resolve("old.json");
        java.nio.file.Files.writeString(file, "{\"extends\": \"planted-mf.json\", \"gate\": {\"type\": \"single\"}}");
        assertThatThrownBy(() -> ModelSpec.read(new SpecMapper(), file)).hasMessageContaining("field gate")
                .hasMessageContaining("\"resources\"");
    }
}
