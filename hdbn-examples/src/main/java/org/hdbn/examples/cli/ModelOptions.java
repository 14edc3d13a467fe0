package org.hdbn.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.examples.data.EmoMusicLoader;
import org.hdbn.graph.SpecMapper;
import org.hdbn.io.DataFormatException;
import org.hdbn.run.TrainedModel;

/** Opens a saved model with its data: the given data folder, or the one the model was trained on. */
final class ModelOptions {

    record Opened(TrainedModel model, EmoMusicDataset data) {
    }

    private ModelOptions() {
    }

    static Opened open(Path modelDir, Path dataDir, SpecMapper mapper) {
        if (!Files.isDirectory(modelDir)) {
            throw new DataFormatException(modelDir + (Files.exists(modelDir) ? ": is a file, not a model folder"
                    : ": no such model folder"));
        }
        Path dir = dataDir != null ? dataDir : recordedDataDir(modelDir, mapper);
        EmoMusicDataset data = EmoMusicLoader.load(dir);
        return new Opened(TrainedModel.load(modelDir, data, mapper), data);
    }

    /** The data folder a saved model was trained on, as its model.json records it. */
    static Path recordedDataDir(Path modelDir, SpecMapper mapper) {
        Path file = modelDir.resolve(TrainedModel.MODEL_FILE);
        if (!Files.exists(modelDir)) {
            throw new DataFormatException(modelDir + ": no such model folder");
        }
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(modelDir + ": not a model folder (no " + TrainedModel.MODEL_FILE + ")");
        }
        try {
            var node = mapper.objectMapper().readTree(file.toFile()).get("dataDir");
            if (node == null || !Files.isDirectory(Path.of(node.asText()))) {
                throw new DataFormatException(file + ": the data folder it was trained on ("
                        + (node == null ? "unrecorded" : node.asText()) + ") is not there; give --data");
            }
            return Path.of(node.asText());
        } catch (IOException e) {
            throw new DataFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
