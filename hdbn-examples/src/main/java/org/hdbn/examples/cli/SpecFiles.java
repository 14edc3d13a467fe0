package org.hdbn.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hdbn.graph.SpecMapper;
import org.hdbn.run.ModelSpec;
import org.hdbn.run.SpecLibraries;
import org.hdbn.text.NearestNames;

/** Resolves {@code --spec}: a built-in spec's name, else a JSON file. */
final class SpecFiles {

    private SpecFiles() {
    }

    static ModelSpec load(SpecMapper mapper, String nameOrPath) {
        if (SpecLibraries.names().contains(nameOrPath)) {
            return ModelSpec.builtIn(mapper, nameOrPath);
        }
        Path p = Path.of(nameOrPath);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException(nameOrPath + ": neither a spec file nor a built-in spec"
                    + NearestNames.didYouMean(nameOrPath, SpecLibraries.names()) + " " + SpecLibraries.names()
                    + (Files.isDirectory(p) ? " (it is a folder)" : ""));
        }
        return ModelSpec.read(mapper, p);
    }
}
