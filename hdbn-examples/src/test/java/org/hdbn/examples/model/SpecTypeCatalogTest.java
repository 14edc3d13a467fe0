package org.hdbn.examples.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hdbn.graph.SpecMapper;
import org.hdbn.graph.SpecTypeCatalog;
import org.junit.jupiter.api.Test;

/**
 * Every spec type of every module, as {@code hdbn types} shows it: each has a one-line meaning, and
 * the defaults shown are the ones the constructors fill in.
 */
class SpecTypeCatalogTest {

    final List<SpecTypeCatalog.Entry> entries = new SpecTypeCatalog(new SpecMapper()).entries();

    @Test
    void everyRegisteredTypeSaysWhatItIs() {
        assertThat(entries).hasSizeGreaterThan(20);
        for (SpecTypeCatalog.Entry e : entries) {
            assertThat(e.description()).as(e.base() + " " + e.name() + " (" + e.className() + ")").isNotBlank();
        }
    }

    @Test
    void defaultsAndRequiredFieldsAreTheConstructorsOwn() {
        Map<String, SpecTypeCatalog.Field> latent = fields("NodeSpec", "gaussian_latent");
        assertThat(latent.get("inputs").required()).isTrue();
        assertThat(latent.get("size").required()).isTrue();
        assertThat(latent.get("klWeight").defaultJson()).isEqualTo("1.0");
        assertThat(latent.get("prior").defaultJson()).isEqualTo("{\"type\":\"standard_normal\"}");
        assertThat(latent.get("decoder").defaultJson()).isNull();
        Map<String, SpecTypeCatalog.Field> mixture = fields("WeightPrior", "scale_mixture");
        assertThat(mixture.get("pi").defaultJson()).isEqualTo("0.5");
        assertThat(mixture.get("pi").required()).isFalse();
        assertThat(fields("LatentPriorSpec", "node").get("node").required()).isTrue();
        assertThat(fields("KlWeightSchedule", "linear_warmup").get("warmupSteps").required()).isTrue();
    }

    Map<String, SpecTypeCatalog.Field> fields(String base, String name) {
        SpecTypeCatalog.Entry e = entries.stream().filter(x -> x.base().equals(base) && x.name().equals(name)).findFirst()
                .orElseThrow();
        return e.fields().stream().collect(Collectors.toMap(SpecTypeCatalog.Field::name, f -> f));
    }
}
