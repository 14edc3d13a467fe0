package org.hdbn.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hdbn.run.atomic.AtomicDataset;
import org.hdbn.run.data.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hdbn convert}: a data set folder (e.g. EmoMusicLJ) rewritten as RecBole atomic files. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Write a data set as RecBole atomic files (NAME.train.inter, NAME.valid.inter, NAME.item, "
                + "NAME.user) that load back with the same ids, triples, tables and categories: a model trained on "
                + "either form with the same seed gives the same metrics.")
final class ConvertCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", required = true,
            description = "Data set folder to read: the EmoMusicLJ layout or atomic files.")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write (created if missing).")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "The files' stem (default: the --out folder's name).")
    String name;

    @Option(names = "--context-name", paramLabel = "FIELD", description = "The .inter field the contexts are written "
            + "under (default: the input's own, for atomic input; else " + AtomicConversion.DEFAULT_CONTEXT_FIELD + ").")
    String contextName;

    @Option(names = "--force", description = "Replace a data set of that name in the --out folder.")
    boolean force;

    @Mixin
    AtomicDataFlags atomic = new AtomicDataFlags();

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        var printer = command.commandLine().getOut();
        Dataset dataset = DataLayouts.load(data, atomic.options(), printer);
        String field = contextName != null ? contextName
                : dataset instanceof AtomicDataset a && a.content().contextField() != null ? a.content().contextField()
                : AtomicConversion.DEFAULT_CONTEXT_FIELD;
        AtomicConversion.write(dataset, dataset.name(), out, name != null ? name : AtomicConversion.defaultName(out),
                field, force, printer);
        return 0;
    }
}
