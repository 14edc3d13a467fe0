package org.hdbn.examples.cli;

import java.nio.file.Path;
import org.hdbn.examples.data.EmoMusicLoader;
import org.hdbn.graph.SpecMapper;
import org.hdbn.run.TrainedModel;
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
        Dataset data = EmoMusicLoader.load(dataDir);
        return new Opened(TrainedModel.load(modelDir, data, mapper), data);
    }
}
