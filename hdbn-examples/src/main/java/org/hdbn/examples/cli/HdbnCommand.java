package org.hdbn.examples.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code hdbn} command line: train, evaluate and query HDBN and its variants. */
@Command(name = "hdbn", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Heterogeneity-aware Deep Bayesian Network (arXiv 2406.14090) for emotion-aware music "
                + "recommendation, and the building blocks it is made of.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, RecommendCommand.class, GenerateCommand.class, BenchCommand.class,
                ExperimentCommand.class,
                CommandLine.HelpCommand.class})
public final class HdbnCommand implements Runnable {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;

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
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        HdbnCommand root = new HdbnCommand();
        CommandLine cl = new CommandLine(root);
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
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
