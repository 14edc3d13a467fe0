package org.hdbn.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hdbn.graph.SpecMapper;
import org.hdbn.io.AtomicFiles;
import org.hdbn.io.FileTrees;
import org.hdbn.io.DataFormatException;
import org.hdbn.param.ParameterFiles;
import org.hdbn.param.ParameterStore;

/**
 * A folder of training checkpoints, each a subfolder {@code step-NNNNNNNNNN} holding
 * {@code state.json} (with the fitted resources) and the parameters with their optimizer state. A checkpoint is
 * written under a hidden temporary name and renamed into place only when complete, so a run
 * killed during a save leaves the previous checkpoint as the latest; the two newest are kept.
 */
public final class Checkpoints {

    static final String STATE = "state.json";
    static final String PARAMS = "params";
    static final int KEEP = 2;

    private final Path root;
    private final SpecMapper mapper;

    public Checkpoints(Path root, SpecMapper mapper) {
        this.root = root.toAbsolutePath().normalize();
        this.mapper = mapper;
    }

    public Path root() {
        return root;
    }

    /** Writes a checkpoint; returns its folder. */
    public Path save(CheckpointState state, ParameterStore store) {
        String name = String.format("step-%010d", state.position().steps());
        Path temp = root.resolve("." + name + ".tmp");
        Path target = root.resolve(name);
        try {
            Files.createDirectories(root);
            FileTrees.delete(temp);
            Files.createDirectories(temp);
            ParameterFiles.save(store, temp, PARAMS);
            AtomicFiles.writeString(temp.resolve(STATE), mapper.objectMapper().writeValueAsString(state));
            FileTrees.delete(target);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            prune();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint in " + root + ": " + e.getMessage(), e);
        }
    }

    /** The newest complete checkpoint, if any. */
    public Optional<Path> latest() {
        return complete().stream().reduce((a, b) -> b);
    }

    /** Reads a checkpoint's state. */
    public CheckpointState state(Path checkpoint) {
        CheckpointState s = mapper.read(checkpoint.resolve(STATE), CheckpointState.class);
        if (!CheckpointState.FORMAT.equals(s.format()) || s.version() < CheckpointState.OLDEST_READ
                || s.version() > CheckpointState.FORMAT_VERSION) {
            throw new DataFormatException(checkpoint.resolve(STATE) + ": format " + s.format() + " version " + s.version()
                    + " is not supported (this release reads " + CheckpointState.FORMAT + " versions "
                    + CheckpointState.OLDEST_READ + " to " + CheckpointState.FORMAT_VERSION + ")");
        }
        return s;
    }

    /** Loads a checkpoint's parameters and optimizer state into a store built from its spec. */
    public void loadParameters(Path checkpoint, ParameterStore store) {
        ParameterFiles.loadInto(store, checkpoint, PARAMS);
    }

    /** Removes every checkpoint (after the finished model has been saved). */
    public void deleteAll() {
        try {
            FileTrees.delete(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove checkpoints in " + root + ": " + e.getMessage(), e);
        }
    }

    private List<Path> complete() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().startsWith("step-") && Files.isDirectory(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + root + ": " + e.getMessage(), e);
        }
    }

    private void prune() throws IOException {
        List<Path> all = complete();
        for (int i = 0; i < all.size() - KEEP; i++) {
            FileTrees.delete(all.get(i));
        }
    }

}
