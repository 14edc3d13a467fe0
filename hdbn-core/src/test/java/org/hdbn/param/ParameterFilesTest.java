package org.hdbn.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.hdbn.io.DataFormatException;
import org.hdbn.random.RandomStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterFilesTest {

    @TempDir
    Path dir;

    private ParameterStore sample() {
        ParameterStore store = new ParameterStore();
        var rng = RandomStreams.create(7);
        Parameter w = store.getOrCreate("layer/weight", new int[] {3, 4}, Initializer.normal(1), rng);
        store.getOrCreate("table", new int[] {5, 2}, true, Initializer.normal(1), rng);
        store.getOrCreate("scalar", new int[0], Initializer.constant(Math.PI), rng);
        Arrays.fill(w.slot("adam.m"), 0.25);
        w.setTrainable(false);
        return store;
    }

    @Test
    void roundTripKeepsValuesSlotsAndFlagsBitForBit() {
        ParameterStore store = sample();
        ParameterFiles.save(store, dir, "params");
        ParameterStore loaded = ParameterFiles.load(dir, "params");
        assertThat(loaded.size()).isEqualTo(3);
        for (Parameter p : store.all()) {
            Parameter q = loaded.get(p.name());
            assertThat(q.value()).isEqualTo(p.value());
            assertThat(q.rowSparse()).isEqualTo(p.rowSparse());
            assertThat(q.trainable()).isEqualTo(p.trainable());
            assertThat(q.slotNames()).isEqualTo(p.slotNames());
        }
        assertThat(loaded.get("layer/weight").slot("adam.m")).containsOnly(0.25);
        assertThat(dir).isDirectoryContaining(p -> p.getFileName().toString().equals("params.bin"))
                .isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void loadIntoAModelBuiltFromTheSameSpec() {
        ParameterStore store = sample();
        ParameterFiles.save(store, dir, "params");
        ParameterStore fresh = new ParameterStore();
        var rng = RandomStreams.create(99);
        fresh.getOrCreate("layer/weight", new int[] {3, 4}, Initializer.zeros(), rng);
        fresh.getOrCreate("table", new int[] {5, 2}, true, Initializer.zeros(), rng);
        fresh.getOrCreate("scalar", new int[0], Initializer.zeros(), rng);
        ParameterFiles.loadInto(fresh, dir, "params");
        assertThat(fresh.get("table").value()).isEqualTo(store.get("table").value());
    }

    @Test
    void truncatedValuesAreRefusedNamingTheFile() throws IOException {
        ParameterFiles.save(sample(), dir, "params");
        Path bin = dir.resolve("params.bin");
        byte[] bytes = Files.readAllBytes(bin);
        Files.write(bin, Arrays.copyOf(bytes, bytes.length - 5));
        assertThatThrownBy(() -> ParameterFiles.load(dir, "params"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("params.bin").hasMessageContaining("truncated");
    }

    @Test
    void aFlippedByteFailsTheChecksum() throws IOException {
        ParameterFiles.save(sample(), dir, "params");
        Path bin = dir.resolve("params.bin");
        byte[] bytes = Files.readAllBytes(bin);
        bytes[bytes.length / 2] ^= 1;
        Files.write(bin, bytes);
        assertThatThrownBy(() -> ParameterFiles.load(dir, "params"))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("checksum");
    }

    @Test
    void aModelWithOtherParametersIsRefusedWithTheDifference() {
        ParameterFiles.save(sample(), dir, "params");
        ParameterStore other = new ParameterStore();
        other.getOrCreate("layer/weight", new int[] {3, 4}, Initializer.zeros(), RandomStreams.create(1));
        other.getOrCreate("extra", new int[] {1}, Initializer.zeros(), RandomStreams.create(1));
        assertThatThrownBy(() -> ParameterFiles.loadInto(other, dir, "params"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("missing [extra]").hasMessageContaining("unexpected [table, scalar]");
    }

    @Test
    void aMissingOrMalformedIndexIsNamed() throws IOException {
        assertThatThrownBy(() -> ParameterFiles.load(dir, "nothing"))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("nothing.json");
        Files.writeString(dir.resolve("bad.json"), "{\"format\": \"hdbn-param");
        assertThatThrownBy(() -> ParameterFiles.load(dir, "bad"))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("bad.json");
    }
}
