package org.hdbn.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hdbn.examples.model.ModelSpec;
import org.hdbn.graph.SpecMapper;

/** Resolves {@code --spec}: a JSON file when one exists at that path, else a built-in spec's name. */
final class SpecFiles {

    private SpecFiles() {
    }

    static ModelSpec load(SpecMapper mapper, String nameOrPath) {
        Path p = Path.of(nameOrPath);
        if (Files.isRegularFile(p)) {
            return ModelSpec.read(mapper, p);
        }
        if (nameOrPath.endsWith(".json")) {
            throw new IllegalArgumentException(nameOrPath + ": no such spec file");
        }
        return ModelSpec.builtIn(mapper, nameOrPath);
    }
}
