package org.hdbn.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hdbn.gate.Gate;
import org.hdbn.gate.GateSpec;
import org.hdbn.graph.SpecException;
import org.hdbn.param.ParameterStore;
import org.hdbn.random.RandomStreams;
import org.hdbn.run.data.Dataset;
import org.hdbn.text.NearestNames;

/**
 * Fits a spec's {@code resources} on a data set, one path for every gate type: each is fitted, in
 * the spec's order, on the entity features it names ({@link Dataset#entityFeatures}), with sizes
 * such as {@code "k": "groups"} resolved against the data's dimensions and earlier resources
 * visible to later ones.
 *
 * <p>Seeds: the first resource draws from {@code derive(seed, "gate")} — the stream the single
 * gate of earlier releases drew from, so their specs fit the same groups with the same seed —
 * and each further one from {@code derive(seed, "gate:" + name)}.
 */
public final class ResourceFitter {

    private ResourceFitter() {
    }

    public static Map<String, Gate> fit(Map<String, GateSpec> specs, Dataset data, long seed) {
        DataBinding binding = new DataBinding(data);
        Map<String, Gate> fitted = new LinkedHashMap<>();
        for (Map.Entry<String, GateSpec> e : specs.entrySet()) {
            String name = e.getKey();
            GateSpec spec = e.getValue();
            if (spec.features() == null) {
                throw new SpecException("resource '" + name + "': field features is required: the entity features it "
                        + "is fitted on; the data set offers " + data.entityFeatureNames());
            }
            Set<String> known = data.entityFeatureNames();
            if (!known.contains(spec.features())) {
                throw new SpecException("resource '" + name + "': field features: data set '" + data.name()
                        + "' has no entity features named '" + spec.features() + "'"
                        + NearestNames.didYouMean(spec.features(), known) + "; it has " + known);
            }
            long stream = RandomStreams.derive(seed, fitted.isEmpty() ? "gate" : "gate:" + name);
            Gate gate = spec.fitter(binding.context(new ParameterStore(), seed, fitted), stream)
                    .fit(data.entityFeatures(spec.features()).rows());
            fitted.put(name, gate);
        }
        return Collections.unmodifiableMap(fitted);
    }
}
