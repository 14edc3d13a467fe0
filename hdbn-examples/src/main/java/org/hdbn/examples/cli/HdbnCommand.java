package org.hdbn.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.hdbn.run.CommandExtension;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code hdbn} command line: train, evaluate and query HDBN and its variants. */
@Command(name = "hdbn", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Heterogeneity-aware Deep Bayesian Network (arXiv 2406.14090) for emotion-aware music "
                + "recommendation, and the building blocks it is made of.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, RecommendCommand.class, RecommendAllCommand.class,
                GenerateCommand.class, ConvertCommand.class, BenchCommand.class,
                ExperimentCommand.class, TypesCommand.class, TagsCommand.class,
                CommandLine.HelpCommand.class})
public final class HdbnCommand implements Runnable {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;

    @Option(names = "--plugin", paramLabel = "JAR", scope = CommandLine.ScopeType.INHERIT,
            description = "An extension's jar (or class folder) to load; may be repeated. Entries of the "
                    + "environment variable " + Plugins.ENVIRONMENT + " (separated by ':') are loaded too.")
    List<Path> plugins = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed");
    }

    /**
     * netlib announces which BLAS it loaded at INFO level on stderr, on every command; {@code hdbn
     * bench} reports it instead. Held in a field: a logger's level is lost when the logger is collected.
     */
    private static final java.util.logging.Logger NETLIB_LOG = java.util.logging.Logger.getLogger("dev.ludovic.netlib");

    public static void main(String[] args) {
        NETLIB_LOG.setLevel(java.util.logging.Level.WARNING);
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                System.getenv(Plugins.ENVIRONMENT)));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, null);
    }

    /**
     * Runs the command line with the given streams and extension class path (the value of
     * {@value Plugins#ENVIRONMENT}, or null); returns the exit code.
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, String pluginClasspath) {
        HdbnCommand root = new HdbnCommand();
        CommandLine cl = new CommandLine(root);
        // commands of modules on the class path (hdbn-spark's prepare), which this module does not compile against
        for (CommandExtension extension : ServiceLoader.load(CommandExtension.class, HdbnCommand.class.getClassLoader())) {
            extension.commands().forEach(cl::addSubcommand);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("hdbn: error: " + ErrorMessages.describe(ex));
            if (root.debug) {
                ex.printStackTrace(line.getErr());
            } else {
                line.getErr().println("(run with --debug for the stack trace)");
            }
            line.getErr().flush();
            return 2;
        });
        cl.setExecutionStrategy(parsed -> withPlugins(root, pluginClasspath, parsed, err));
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Runs the parsed command with the extensions' class loader as the thread's context loader. */
    private static int withPlugins(HdbnCommand root, String pluginClasspath, CommandLine.ParseResult parsed,
            PrintWriter err) {
        ClassLoader loader;
        try {
            loader = Plugins.loader(Plugins.entries(root.plugins, pluginClasspath), HdbnCommand.class.getClassLoader());
        } catch (IllegalArgumentException e) {
            err.println("hdbn: error: " + e.getMessage());
            return 2;
        }
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return new CommandLine.RunLast().execute(parsed);
        } finally {
            thread.setContextClassLoader(before);
            if (loader instanceof java.net.URLClassLoader plugins) {
                try {
                    plugins.close();
                } catch (java.io.IOException e) {
                    err.println("hdbn: warning: cannot close the extensions' jars: " + e.getMessage());
                }
            }
        }
    }
}
