package org.hdbn.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.hdbn.autodiff.tape.TapeEngine;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.eval.Protocol;
import org.hdbn.graph.SpecMapper;
import org.hdbn.run.data.InMemoryDataset;
import org.junit.jupiter.api.Test;

/** The run layer on a data set that is not EmoMusicLJ: it trains, recovers planted structure, repeats itself. */
class ModelTrainerTest {

    static ModelSpec plantedSpec(SpecMapper mapper) throws IOException {
        try (InputStream in = ModelTrainerTest.class.getResourceAsStream("/planted-mf.json")) {
            return mapper.read("planted-mf.json", in, ModelSpec.class);
        }
    }

    static TrainedModel train(ModelSpec spec, InMemoryDataset data, long seed) {
        return new ModelTrainer().train(spec, data, new ModelTrainer.Options(seed, new TapeEngine(), null, null, 0,
                null, 0, null, 1));
    }

    @Test
    void recoversThePlantedBlocks() throws IOException {
        InMemoryDataset data = PlantedData.create(3);
        TrainedModel model = train(plantedSpec(new SpecMapper()), data, 7);
        EvaluationResult r = new ModelEvaluator(new TapeEngine(), 0, 7, 1).evaluate(model, data, data.validation());
        // each user's validation item is one of the 4 unplayed items of their block among 14 unplayed:
        // at random HR@5 would be about 5/14; the planted blocks put it in the top 5 for most users
        assertThat(r.metrics(Protocol.PAPER).mean("HR@5")).isGreaterThan(0.8);
        assertThat(model.info().dataName()).isEqualTo("planted");
        assertThat(model.info().dims()).containsEntry("items", PlantedData.ITEMS).containsEntry("songs", PlantedData.ITEMS)
                .containsEntry("moods", 2);
    }

    @Test
    void theSameSeedTrainsTheSameModel() throws IOException {
        InMemoryDataset data = PlantedData.create(3);
        ModelSpec spec = plantedSpec(new SpecMapper());
        TrainedModel a = train(spec, data, 11);
        TrainedModel b = train(spec, data, 11);
        for (var p : a.store().all()) {
            assertThat(b.store().get(p.name()).value()).as(p.name()).isEqualTo(p.value());
        }
        assertThat(b.info().epochLosses()).isEqualTo(a.info().epochLosses());
    }
}
