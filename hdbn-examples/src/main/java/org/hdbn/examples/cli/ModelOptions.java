package org.hdbn.examples.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import org.hdbn.graph.SpecMapper;
import org.hdbn.run.TrainedModel;
import org.hdbn.run.atomic.AtomicOptions;
import org.hdbn.run.data.Dataset;

/**
 * Opens a saved model with its data: the copy of its data set the model folder holds, or a data
 * folder given, which must hold the same data (the fingerprints are compared).
 */
final class ModelOptions {

    record Opened(TrainedModel model, Dataset data) {
    }

    private ModelOptions() {
    }

    static Opened open(Path modelDir, Path dataDir, SpecMapper mapper) {
        if (dataDir == null) {
            TrainedModel model = TrainedModel.load(modelDir, mapper);
            return new Opened(model, model.data());
        }
        // the data set's notes (unused fields) were shown when the model was trained
        Dataset data = DataLayouts.load(dataDir, AtomicOptions.defaults(), new PrintWriter(Writer.nullWriter()));
        return new Opened(TrainedModel.load(modelDir, data, mapper), data);
    }
}
