package io.adalab.core.plugin;

import io.adalab.api.AdalabApi;
import io.adalab.api.Component;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads plugin jars from folders with PF4J and registers their extensions in a
 * {@link PluginRegistry}. A jar that fails to load or start is recorded as a problem and skipped;
 * the host keeps going.
 */
public final class PluginHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    private final DefaultPluginManager manager;
    private final PluginRegistry registry;

    private PluginHost(List<Path> roots, PluginRegistry registry) {
        this.registry = registry;
        this.manager = new DefaultPluginManager(roots) {
            @Override protected PluginLoader createPluginLoader() {
                return new CompoundPluginLoader().add(new JarPluginLoader(this) {
                    @Override protected PluginClassLoader createPluginClassLoader(Path path, PluginDescriptor d) {
                        return new ParentFirstClassLoader(pluginManager, d, getClass().getClassLoader());
                    }
                });
            }
        };
        manager.setSystemVersion(AdalabApi.VERSION);
    }

    /**
     * Loads and starts every plugin jar in {@code folders} (missing folders are skipped) and
     * registers their extensions.
     */
    public static PluginHost load(List<Path> folders, PluginRegistry registry) {
        List<Path> roots = new ArrayList<>();
        for (Path f : folders) {
            if (f != null && Files.isDirectory(f)) {
                roots.add(f.toAbsolutePath().normalize());
            }
        }
        PluginHost host = new PluginHost(roots, registry);
        if (!roots.isEmpty()) {
            host.start();
        }
        return host;
    }

    private void start() {
        manager.loadPlugins();
        for (PluginWrapper w : List.copyOf(manager.getPlugins())) {
            try {
                PluginState s = manager.startPlugin(w.getPluginId());
                if (s != PluginState.STARTED) {
                    problem(w, "did not start (state " + s + ")", w.getFailedException());
                    continue;
                }
                registerExtensions(w);
            } catch (RuntimeException | LinkageError e) {
                problem(w, "failed: " + e, e);
            }
        }
    }

    private void registerExtensions(PluginWrapper w) {
        String id = w.getPluginId();
        String version = w.getDescriptor().getVersion();
        int n = 0;
        for (ExtensionKind kind : ExtensionKind.values()) {
            for (Object ext : manager.getExtensions(kind.type(), id)) {
                if (registry.register(kind, (Component) ext, id, version)) {
                    n++;
                }
            }
        }
        LOG.debug("plugin {} {}: {} extensions", id, version, n);
    }

    private void problem(PluginWrapper w, String what, Throwable cause) {
        String msg = "plugin " + w.getPluginId() + " (" + w.getPluginPath().getFileName() + ") " + what;
        LOG.warn(msg, cause);
        registry.addProblem(msg);
    }

    /** The plugins PF4J knows, for listings. */
    public List<PluginWrapper> plugins() {
        return manager.getPlugins();
    }

    /** The registry this host fills. */
    public PluginRegistry registry() {
        return registry;
    }

    @Override public void close() {
        // stopPlugins() throws ConcurrentModificationException in PF4J 3.12-3.15 (issue #656).
        for (PluginWrapper w : List.copyOf(manager.getPlugins())) {
            registry.unregisterPlugin(w.getPluginId());
            try {
                manager.unloadPlugin(w.getPluginId());
            } catch (RuntimeException e) {
                LOG.debug("unloading {}: {}", w.getPluginId(), e.toString());
            }
        }
    }
}
