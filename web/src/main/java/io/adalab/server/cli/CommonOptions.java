package io.adalab.server.cli;

import io.adalab.core.Workbench;
import io.adalab.core.plugin.PluginRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command that touches the store or plugins shares. Defaults come from ADALAB_* variables. */
final class CommonOptions {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:ADALAB_DATA_DIR:-data}",
        description = "data folder: database and user plugins (default: ${DEFAULT-VALUE}, env ADALAB_DATA_DIR)")
    Path dataDir;

    @Option(names = "--plugins-dir", paramLabel = "DIR", defaultValue = "${env:ADALAB_PLUGINS_DIR}",
        description = "extra folder of user plugin jars (default: <data-dir>/plugins, env ADALAB_PLUGINS_DIR)")
    Path pluginsDir;

    @Option(names = "--db-url", paramLabel = "JDBC", defaultValue = "${env:ADALAB_DB_URL}",
        description = "store URL, e.g. jdbc:postgresql://host/adalab (default: embedded H2 in the data folder)")
    String dbUrl;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "${env:ADALAB_WORKERS:-0}",
        description = "runs trained at once (default: cores / OMP_NUM_THREADS)")
    int workers;

    /** The distribution's built-in plugins: {@code <adalab.home>/plugins}. */
    static Path builtinPlugins() {
        String home = System.getProperty("adalab.home");
        return home == null ? null : Path.of(home, "plugins");
    }

    List<Path> pluginDirs() {
        List<Path> dirs = new ArrayList<>();
        Path builtin = builtinPlugins();
        if (builtin != null) {
            dirs.add(builtin);
        }
        dirs.add(pluginsDir != null ? pluginsDir : dataDir.resolve("plugins"));
        return dirs;
    }

    Workbench open() {
        if (workers < 0) {
            throw new CliError(2, "--workers is " + workers + ", must be >= 0");
        }
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw new CliError(2, "--data-dir " + dataDir + " is a file, not a folder");
        }
        return Workbench.open(new Workbench.Settings(dataDir, pluginDirs(), dbUrl, workers), new PluginRegistry());
    }
}
