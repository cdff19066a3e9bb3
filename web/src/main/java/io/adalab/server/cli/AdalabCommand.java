package io.adalab.server.cli;

import io.adalab.core.spec.SpecException;
import io.adalab.core.store.RunStore;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code adalab}: run experiments, read stored runs, list plugins, replay references, benchmark. */
@Command(name = "adalab", mixinStandardHelpOptions = true, versionProvider = AdalabCommand.Version.class,
    description = "A workbench for adaptive learning-rate optimizers.",
    subcommands = {RunCommand.class, RunsCommand.class, PluginsCommand.class, ReferenceCheckCommand.class, ReportCommand.class,
        BenchCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class AdalabCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given streams (tests). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new AdalabCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof CliError c) {
                line.getErr().println("error: " + c.getMessage());
                return c.exitCode();
            }
            if (e instanceof SpecException s) {
                line.getErr().println("error: " + s.describe());
                return 2;
            }
            line.getErr().println("error: " + e);
            e.printStackTrace(line.getErr());
            return 1;
        });
        return cl.execute(args);
    }

    /** Prints the Adalab and API versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() {
            return new String[] {RunStore.CODE_VERSION + " (plugin API " + io.adalab.api.AdalabApi.VERSION + ")"};
        }
    }
}
