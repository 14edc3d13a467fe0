package org.hdbn.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hdbn.autodiff.tape.TapeEngine;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.eval.Protocol;
import org.hdbn.graph.SpecMapper;
import org.hdbn.run.atomic.AtomicContentWriter;
import org.hdbn.run.atomic.AtomicDataLoader;
import org.hdbn.run.atomic.AtomicDataset;
import org.hdbn.run.atomic.AtomicExport;
import org.hdbn.run.atomic.AtomicLayout;
import org.hdbn.run.atomic.AtomicOptions;
import org.hdbn.run.data.Dataset;
import org.hdbn.run.data.InMemoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data set written as atomic files and read back trains, with the same seed, to the same model and metrics. */
class AtomicFormTest {

    @TempDir
    Path dir;

    @Test
    void theAtomicFormTrainsToTheSameParametersAndMetrics() throws Exception {
        InMemoryDataset data = PlantedData.create(3);
        List<String> notes = new ArrayList<>();
        AtomicContentWriter.write(AtomicExport.of(data, "context", notes::add), dir, "planted");
        AtomicDataset atomic = AtomicDataLoader.load(AtomicLayout.find(dir).orElseThrow(), AtomicOptions.defaults());
        // "item-10" sorts before "item-2": the files name the items by index and keep the ids' labels
        assertThat(notes).containsExactly("items: the ids (e.g. 'item-0') do not sort into index order, so the files "
                + "name them by index (0..19) to keep every id");
        assertThat(atomic.items().labels()).isEqualTo(data.items().labels());
        assertThat(atomic.contexts()).isEqualTo(data.contexts());
        assertThat(atomic.dims()).isEqualTo(data.dims());

        ModelSpec spec = ModelTrainerTest.plantedSpec(new SpecMapper());
        TrainedModel a = train(spec, data);
        TrainedModel b = train(spec, atomic);
        for (var p : a.store().all()) {
            assertThat(b.store().get(p.name()).value()).as(p.name()).isEqualTo(p.value());
        }
        EvaluationResult ra = new ModelEvaluator(new TapeEngine(), 0, 7, 1).evaluate(a, data, data.validation());
        EvaluationResult rb = new ModelEvaluator(new TapeEngine(), 0, 7, 1).evaluate(b, atomic, atomic.validation());
        for (Protocol protocol : Protocol.values()) {
            assertThat(rb.metrics(protocol).mean("NDCG@10")).isEqualTo(ra.metrics(protocol).mean("NDCG@10"));
        }
        assertThat(rb.targetRanks()).isEqualTo(ra.targetRanks());
    }

    private static TrainedModel train(ModelSpec spec, Dataset data) {
        return new ModelTrainer().train(spec, data, new ModelTrainer.Options(11, new TapeEngine(), null, null, 0,
                null, 0, null, 1));
    }
}
