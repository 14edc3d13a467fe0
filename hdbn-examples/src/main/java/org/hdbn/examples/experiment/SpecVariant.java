package org.hdbn.examples.experiment;

import java.io.PrintStream;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.examples.recommender.SpecRecommender;
import org.hdbn.run.ModelSpec;
import org.hdbn.run.ModelTrainer;
import org.hdbn.run.TrainedModel;
import org.hdbn.run.data.Dataset;

/** A model spec trained by {@link ModelTrainer} and evaluated at its posterior means. */
public final class SpecVariant implements Variant {

    private final ModelSpec spec;
    private final AutodiffEngine engine;

    public SpecVariant(ModelSpec spec, AutodiffEngine engine) {
        this.spec = spec;
        this.engine = engine;
    }

    public AutodiffEngine engine() {
        return engine;
    }

    public ModelSpec spec() {
        return spec;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String description() {
        return spec.description() == null ? "" : spec.description();
    }

    @Override
    public boolean seeded() {
        return true;
    }

    @Override
    public Fit fit(Dataset data, long seed, PrintStream progress) {
        TrainedModel model = new ModelTrainer().train(spec, data, new ModelTrainer.Options(seed, engine, progress, null, 0));
        return new Fit(new SpecRecommender(model, engine, 0, seed), model.info().epochLosses(),
                model.info().trainSeconds(), null);
    }
}
