package org.hdbn.examples.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.examples.recommender.EaseCache;
import org.hdbn.graph.SpecMapper;
import org.hdbn.run.ModelSpec;
import org.hdbn.run.SpecLibraries;

/** Resolves experiment row names: a closed-form baseline, a built-in spec, or a spec file. */
public final class Variants {

    /** The rows of a full experiment: HDBN first (the reference), its ablations, then the baselines. */
    public static final List<String> DEFAULT = List.of("hdbn", "hdbn-paper", "hdbn-fixed-emotion", "hdbn-global-bnn",
            "hdbn-deterministic", "hdbn-released", "bprmf", "two-tower", "ease", "ease-plays", "ease-emotion-plays", "emotion-popularity",
            "most-popular");

    private Variants() {
    }

    /**
     * @param epochs if not null, the number of epochs of every spec's last training stage
     * @throws IllegalArgumentException naming the value if it is neither a baseline, a built-in spec nor a file
     */
    public static Variant resolve(String nameOrFile, SpecMapper mapper, Integer epochs, AutodiffEngine engine) {
        return resolve(nameOrFile, mapper, epochs, engine, new EaseCache());
    }

    /**
     * As {@link #resolve(String, SpecMapper, Integer, AutodiffEngine)}, the EASE rows sharing {@code ease}.
     *
     * @param ease EASE fits shared by every row resolved for one run
     */
    public static Variant resolve(String nameOrFile, SpecMapper mapper, Integer epochs, AutodiffEngine engine,
            EaseCache ease) {
        var baseline = BaselineVariant.named(nameOrFile, ease);
        if (baseline.isPresent()) {
            return baseline.get();
        }
        ModelSpec spec;
        if (SpecLibraries.names().contains(nameOrFile)) {
            spec = ModelSpec.builtIn(mapper, nameOrFile);
        } else if (Files.isRegularFile(Path.of(nameOrFile))) {
            spec = ModelSpec.read(mapper, Path.of(nameOrFile));
        } else {
            throw new IllegalArgumentException("variant '" + nameOrFile + "' is neither a baseline "
                    + BaselineVariant.NAMES + ", a built-in spec " + SpecLibraries.names() + " nor a spec file");
        }
        if (epochs != null) {
            spec = spec.withTraining(spec.training().withFinalEpochs(epochs));
        }
        return new SpecVariant(spec, engine);
    }
}
