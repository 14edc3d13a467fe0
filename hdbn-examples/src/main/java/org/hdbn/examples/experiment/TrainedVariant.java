package org.hdbn.examples.experiment;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.examples.recommender.SpecRecommender;
import org.hdbn.graph.SpecMapper;
import org.hdbn.run.TrainedModel;
import org.hdbn.run.data.Dataset;

/**
 * An already-trained model folder as an experiment row: loaded, not retrained, so models trained
 * earlier (or elsewhere) are compared on the same triples with the same tests. It must have been
 * trained on the experiment's data (the fingerprint is checked); its row is named after the folder.
 */
public final class TrainedVariant implements Variant {

    private final Path folder;
    private final SpecMapper mapper;
    private final AutodiffEngine engine;

    public TrainedVariant(Path folder, SpecMapper mapper, AutodiffEngine engine) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + ": no such model folder");
        }
        this.folder = folder;
        this.mapper = mapper;
        this.engine = engine;
    }

    @Override
    public String name() {
        return folder.toAbsolutePath().normalize().getFileName().toString();
    }

    @Override
    public String description() {
        return "the model trained in " + folder;
    }

    /** A saved model does not change with the experiment's seed: it is loaded once. */
    @Override
    public boolean seeded() {
        return false;
    }

    @Override
    public Fit fit(Dataset data, long seed, PrintStream progress) {
        TrainedModel model = TrainedModel.load(folder, data, mapper);
        return new Fit(new SpecRecommender(model, engine, 0, model.info().seed()), model.info().epochLosses(),
                model.info().trainSeconds(), "spec '" + model.spec().name() + "', seed " + model.info().seed()
                        + ", loaded from " + folder + " (not retrained)");
    }
}
