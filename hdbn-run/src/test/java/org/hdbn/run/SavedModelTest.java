package org.hdbn.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.hdbn.autodiff.tape.TapeEngine;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.eval.Protocol;
import org.hdbn.graph.SpecMapper;
import org.hdbn.io.DataFormatException;
import org.hdbn.run.data.Dataset;
import org.hdbn.run.data.DatasetFolder;
import org.hdbn.run.data.InMemoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved model serves without its data folder, from the copy of its data it holds, and only for that data. */
class SavedModelTest {

    @TempDir
    Path dir;

    @Test
    void theSavedDataSetReadsBackWhole() {
        InMemoryDataset data = PlantedData.create(3);
        SpecMapper mapper = new SpecMapper();
        DatasetFolder.save(data, dir.resolve("copy"), mapper);
        InMemoryDataset back = DatasetFolder.load(dir.resolve("copy"), mapper);
        assertThat(back.name()).isEqualTo(data.name());
        assertThat(back.fingerprint()).isEqualTo(data.fingerprint());
        assertThat(back.users()).isEqualTo(data.users());
        assertThat(back.items()).isEqualTo(data.items());
        assertThat(back.items().label(3)).isEqualTo("Item number 3");
        assertThat(back.contexts()).isEqualTo(data.contexts());
        assertThat(back.train()).isEqualTo(data.train());
        assertThat(back.validation()).isEqualTo(data.validation());
        assertThat(back.test()).isEmpty();
        assertThat(back.itemTables()).isEqualTo(data.itemTables());
        assertThat(back.itemCategories()).isEqualTo(data.itemCategories());
        assertThat(back.userCategories()).isEqualTo(data.userCategories());
        assertThat(back.dims()).isEqualTo(data.dims());
    }

    @Test
    void aModelLoadedWithoutItsDataScoresAsTheTrainedOne() throws Exception {
        InMemoryDataset data = PlantedData.create(3);
        SpecMapper mapper = new SpecMapper();
        TrainedModel trained = ModelTrainerTest.train(ResourcesTest.gatedSpec(mapper), data, 5);
        trained.save(dir.resolve("m"), mapper);
        TrainedModel loaded = TrainedModel.load(dir.resolve("m"), mapper);
        ModelEvaluator evaluator = new ModelEvaluator(new TapeEngine(), 0, 5, 1);
        EvaluationResult before = evaluator.evaluate(trained, data, data.validation());
        EvaluationResult after = evaluator.evaluate(loaded, loaded.data(), loaded.data().validation());
        for (Protocol p : Protocol.values()) {
            assertThat(after.metrics(p).mean("NDCG@10")).isEqualTo(before.metrics(p).mean("NDCG@10"));
            assertThat(after.metrics(p).mean("HR@5")).isEqualTo(before.metrics(p).mean("HR@5"));
        }
        assertThat(loaded.resources()).isEqualTo(trained.resources());
    }

    @Test
    void evaluationTriplesAreReadWithoutTheDataFolderAndCheckedAgainstIt() throws Exception {
        InMemoryDataset data = PlantedData.create(3);
        SpecMapper mapper = new SpecMapper();
        ModelTrainerTest.train(ModelTrainerTest.plantedSpec(mapper), data, 5).save(dir.resolve("m"), mapper);
        Dataset saved = TrainedModel.load(dir.resolve("m"), mapper).data();
        Path eval = dir.resolve("eval.csv");
        java.nio.file.Files.writeString(eval, "user_id,song_id,emo_id\n0,1,2\n39,19,0\n");
        assertThat(saved.readInteractions(eval).size()).isEqualTo(2);
        java.nio.file.Files.writeString(eval, "user_id,song_id,emo_id\n0,20,2\n");
        assertThatThrownBy(() -> saved.readInteractions(eval)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("eval.csv").hasMessageContaining("line 2");
    }

    @Test
    void otherDataIsRefusedNamingBothDataSets() throws Exception {
        InMemoryDataset data = PlantedData.create(3);
        SpecMapper mapper = new SpecMapper();
        ModelTrainerTest.train(ModelTrainerTest.plantedSpec(mapper), data, 5).save(dir.resolve("m"), mapper);
        InMemoryDataset other = PlantedData.create(4);
        assertThatThrownBy(() -> TrainedModel.load(dir.resolve("m"), other, mapper))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("trained on data set 'planted'")
                .hasMessageContaining("sha256:plant");
        assertThat(TrainedModel.load(dir.resolve("m"), data, mapper).data()).isSameAs(data);
        assertThatThrownBy(() -> TrainedModel.load(dir.resolve("nothing"), mapper))
                .hasMessageContaining("no such model folder");
    }
}
