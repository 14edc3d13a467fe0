package org.hdbn.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hdbn.examples.data.EmoMusicLoader;
import org.hdbn.examples.data.SyntheticEmoMusic;
import org.hdbn.io.FileTrees;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hdbn generate}: a synthetic data set with planted heterogeneity, as atomic files or in the EmoMusicLJ layout. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a synthetic data set as RecBole atomic files (or, with --format emomusic, in the "
                + "EmoMusicLJ layout), with planted user groups that differ in genre taste and in what each emotion means for the "
                + "mood they want.")
final class GenerateCommand implements Callable<Integer> {

    static final SyntheticEmoMusic.Config D = SyntheticEmoMusic.Config.defaults();

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write.")
    Path out;

    @Option(names = "--users", defaultValue = "600", description = "Users (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--songs", defaultValue = "300", description = "Songs (default: ${DEFAULT-VALUE}).")
    int songs;

    @Option(names = "--tags", defaultValue = "20", description = "Emotion tags (default: ${DEFAULT-VALUE}).")
    int tags;

    @Option(names = "--genres", defaultValue = "12", description = "Genres (default: ${DEFAULT-VALUE}).")
    int genres;

    @Option(names = "--groups", defaultValue = "4", description = "Planted user groups (default: ${DEFAULT-VALUE}).")
    int groups;

    @Option(names = "--per-user", defaultValue = "25", description = "Interactions per user (default: ${DEFAULT-VALUE}).")
    int perUser;

    @Option(names = "--validation", defaultValue = "0.1", description = "Fraction held out for validation (default: ${DEFAULT-VALUE}).")
    double validation;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--relisten", defaultValue = "0", paramLabel = "SHARE", description = "Share of interactions that "
            + "replay the user's own song for the emotion tag, so the tag decides which known song comes back "
            + "(default: ${DEFAULT-VALUE}).")
    double relisten;

    @Option(names = "--format", paramLabel = "atomic|emomusic", defaultValue = "atomic", description = "atomic: "
            + "RecBole atomic files OUT/NAME.train.inter, ...; emomusic: the EmoMusicLJ layout (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--name", paramLabel = "NAME", description = "With --format atomic: the files' stem (default: the "
            + "--out folder's name).")
    String name;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("emomusic") && !format.equals("atomic")) {
            throw new IllegalArgumentException("--format must be emomusic or atomic, got '" + format + "'");
        }
        var config = new SyntheticEmoMusic.Config(users, songs, tags, genres, groups, perUser, validation, seed, relisten);
        var printer = command.commandLine().getOut();
        if (format.equals("emomusic")) {
            Files.createDirectories(out);
            SyntheticEmoMusic.generate(config, out);
        } else {
            // generated in the EmoMusicLJ layout and converted, so both formats hold the same data
            Path staging = Files.createTempDirectory("hdbn-generate");
            try {
                SyntheticEmoMusic.generate(config, staging);
                AtomicConversion.write(EmoMusicLoader.load(staging), "the synthetic data set", out, name != null ? name
                        : AtomicConversion.defaultName(out), "emotion", true, printer);
            } finally {
                FileTrees.delete(staging);
            }
        }
        printer.printf("wrote a synthetic data set to %s (%s)%n", out, config);
        return 0;
    }
}
