package org.hdbn.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hdbn.graph.SpecMapper;
import org.hdbn.graph.SpecTypeCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hdbn types}: every spec type on the class path (extensions included), with its fields and defaults. */
@Command(name = "types", mixinStandardHelpOptions = true,
        description = "List every registered spec type (node, block, gate, prior, schedule, ... and those of extensions "
                + "given with --plugin) with its fields, their defaults and what it is.")
final class TypesCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "Show only types whose name or base contains NAME (any case).")
    String filter;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        String base = "";
        int shown = 0;
        for (SpecTypeCatalog.Entry e : new SpecTypeCatalog(new SpecMapper()).entries()) {
            if (filter != null && !(e.name() + " " + e.base()).toLowerCase(Locale.ROOT).contains(filter.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (!e.base().equals(base)) {
                base = e.base();
                out.println((shown == 0 ? "" : "\n") + base + " types (\"type\": NAME):");
            }
            shown++;
            out.printf("  %s  %s%n", e.name(), e.description().isEmpty() ? "(" + e.className() + ")" : e.description());
            for (SpecTypeCatalog.Field f : e.fields()) {
                String note = f.required() ? "required" : f.defaultJson() == null ? "no default" : "default " + f.defaultJson();
                out.printf("      %-20s %-22s %s%n", f.name(), f.type(), note);
            }
        }
        if (shown == 0) {
            throw new IllegalArgumentException("no registered type matches '" + filter + "'");
        }
        return 0;
    }
}
