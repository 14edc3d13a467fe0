package org.hdbn.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hdbn.graph.SpecMapper;
import org.hdbn.run.TrainedModel;
import org.hdbn.run.data.Dataset;
import org.hdbn.run.data.DatasetFolder;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hdbn tags}: the emotion tags of a data set, by index, as {@code recommend --emotion} takes them. */
@Command(name = "tags", mixinStandardHelpOptions = true,
        description = "List the emotion tags of a data set (or of the data a model was trained on) with their indexes.")
final class TagsCommand implements Callable<Integer> {

    static final class Source {
        @Option(names = "--data", paramLabel = "DIR", required = true, description = "Data set folder.")
        Path data;

        @Option(names = "--model", paramLabel = "DIR", required = true, description = "Model folder: the data it was trained on.")
        Path model;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Mixin
    AtomicDataFlags atomic = new AtomicDataFlags();

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        Dataset data = source.data != null ? DataLayouts.load(source.data, atomic.options(), out)
                : DatasetFolder.load(source.model.resolve(TrainedModel.DATA), new SpecMapper());
        List<String> tags = data.contexts().ids();
        out.printf("%d emotion tags of %s (recommend --emotion takes the name or the index):%n", tags.size(),
                data.location().map(Path::toString).orElse(data.name()));
        for (int i = 0; i < tags.size(); i++) {
            out.printf("%5d  %s%n", i, tags.get(i));
        }
        return 0;
    }
}
