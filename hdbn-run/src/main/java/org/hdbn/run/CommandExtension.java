package org.hdbn.run;

import java.util.List;

/**
 * Commands a module adds to the {@code hdbn} command line, found through {@link java.util.ServiceLoader}
 * when the command line starts: a module whose dependencies the framework should not carry (such as
 * hdbn-spark and Apache Spark) brings its own commands, and the command line needs no code of its.
 * Each command is an object annotated with picocli's {@code @Command}, so this interface needs no
 * picocli itself.
 */
public interface CommandExtension {

    /** New instances of the commands, each a picocli {@code @Command} object with a unique name. */
    List<Object> commands();
}
