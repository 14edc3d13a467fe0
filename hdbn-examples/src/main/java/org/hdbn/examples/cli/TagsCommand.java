package org.hdbn.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.examples.data.EmoMusicLoader;
import org.hdbn.graph.SpecMapper;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hdbn tags}: the emotion tags of a data set, by index, as {@code recommend --emotion} takes them. */
@Command(name = "tags", mixinStandardHelpOptions = true,
        description = "List the emotion tags of a data set (or of the data a model was trained on) with their indexes.")
final class TagsCommand implements Callable<Integer> {

    static final class Source {
        @Option(names = "--data", paramLabel = "DIR", required = true, description = "Data set folder.")
        Path data;

        @Option(names = "--model", paramLabel = "DIR", required = true, description = "Model folder: its training data.")
        Path model;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        Path dir = source.data != null ? source.data : ModelOptions.recordedDataDir(source.model, new SpecMapper());
        EmoMusicDataset data = EmoMusicLoader.load(dir);
        List<String> tags = data.emotionTags();
        out.printf("%d emotion tags of %s (recommend --emotion takes the name or the index):%n", tags.size(),
                data.directory());
        for (int i = 0; i < tags.size(); i++) {
            out.printf("%5d  %s%n", i, tags.get(i));
        }
        return 0;
    }
}
