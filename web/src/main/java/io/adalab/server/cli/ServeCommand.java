package io.adalab.server.cli;

import io.adalab.core.Workbench;
import io.adalab.server.http.AdalabServer;
import io.adalab.server.http.ServerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code adalab serve}: the dashboard, REST API, live WebSocket and /metrics, until Ctrl-C. */
@Command(name = "serve", description = "Start the dashboard and API (default http://127.0.0.1:7070/).")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "${env:ADALAB_PORT:-7070}", description = "TCP port, 0 = any free (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "${env:ADALAB_BIND:-127.0.0.1}",
        description = "address to listen on (default: ${DEFAULT-VALUE}); anything beyond loopback needs --token")
    String bind;

    @Option(names = "--token", defaultValue = "${env:ADALAB_TOKEN}",
        description = "API token for state-changing requests (env ADALAB_TOKEN)")
    String token;

    @Option(names = "--experiments", paramLabel = "DIR", description = "ready-made experiments to offer (default: the distribution's experiments/)")
    Path experiments;

    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override public Integer call() throws InterruptedException {
        ServerOptions options;
        try {
            options = new ServerOptions(bind, port, token, experimentsDir(), ServerOptions.DEFAULT_MAX_BODY);
        } catch (IllegalArgumentException e) {
            throw new CliError(2, e.getMessage());
        }
        Workbench wb = common.open();
        int interrupted = wb.store().interruptLeftovers();
        Workbench.initNd4j();
        AdalabServer server;
        try {
            server = AdalabServer.start(wb, options);
        } catch (IllegalArgumentException | IllegalStateException e) {
            wb.close();
            throw new CliError(2, e.getMessage());
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            wb.close();
            stop.countDown();
        }, "adalab-shutdown"));
        spec.commandLine().getOut().println("Adalab is serving " + server.url() + " (data in " + wb.settings().dataDir()
            + (interrupted > 0 ? "; " + interrupted + " run(s) left unfinished by the last process marked INTERRUPTED" : "")
            + "). Ctrl-C stops it.");
        spec.commandLine().getOut().flush();
        stop.await();
        return 0;
    }

    private Path experimentsDir() {
        if (experiments != null) {
            if (!Files.isDirectory(experiments)) {
                throw new CliError(2, "--experiments " + experiments + " is not a folder");
            }
            return experiments;
        }
        String home = System.getProperty("adalab.home");
        Path p = home == null ? Path.of("experiments") : Path.of(home, "experiments");
        return Files.isDirectory(p) ? p : null;
    }
}
