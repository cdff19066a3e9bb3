package io.adalab.core.plugin;

import io.adalab.api.Component;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one jar at a time into PF4J and the registry, and takes plugins out again: copy, hash,
 * validate, start, register; a failed start brings the previous version back. Used under the
 * host's lock.
 */
final class JarLoader {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    private final HostPluginManager manager;
    private final PluginJarValidator validator;
    private final PluginRegistry registry;
    private final ShadowCopies copies;
    private final LoadedJars loaded;
    private final PluginEventLog events;
    private final Predicate<LoadedJar> retired;
    private String lastStartFailure = "";

    /** @param retired whether a jar was replaced or removed while the host runs (its loader closing is news then) */
    JarLoader(HostPluginManager manager, PluginJarValidator validator, PluginRegistry registry, ShadowCopies copies,
              LoadedJars loaded, PluginEventLog events, Predicate<LoadedJar> retired) {
        this.manager = manager;
        this.validator = validator;
        this.registry = registry;
        this.copies = copies;
        this.loaded = loaded;
        this.events = events;
        this.retired = retired;
    }

    /** The registry's problem key of a jar file. */
    static String problemKey(Path f) {
        return "file:" + f;
    }

    /**
     * Validates and loads one jar (replacing the version loaded from the same file, if any).
     * Returns the validation; on success the plugin is started and registered.
     */
    PluginValidation load(Path source, JarFingerprint fp) {
        LoadedJar old = loaded.get(source);
        Path copy;
        String sha;
        try {
            copy = copies.copy(source);
            sha = ShadowCopies.sha256(copy);
        } catch (IOException | UncheckedIOException e) {
            return PluginValidation.refused("cannot read " + source.getFileName() + ": " + e.getMessage());
        }
        if (old != null && old.sha256.equals(sha)) {
            old.fingerprint = fp; // touched, not changed
            ShadowCopies.deleteQuietly(copy);
            return new PluginValidation(true, old.id, old.version, old.extensions, "", false);
        }
        PluginValidation v = validator.validate(copy);
        if (v.valid()) {
            LoadedJar other = loaded.byId(v.pluginId());
            if (other != null && other != old) {
                v = new PluginValidation(false, v.pluginId(), v.version(), v.extensions(), "plugin id '" + v.pluginId()
                    + "' is already loaded from " + other.source.getFileName() + "; remove that jar to replace it", false);
            }
        }
        if (!v.valid()) {
            ShadowCopies.deleteQuietly(copy);
            return v;
        }
        if (old != null) {
            unload(old);
        }
        Optional<LoadedJar> now = start(source, fp, copy, sha, v);
        if (now.isEmpty()) {
            String why = lastStartFailure;
            if (old != null) {
                start(old.source, old.fingerprint, old.copy, old.sha256, // bring the previous version back
                    new PluginValidation(true, old.id, old.version, old.extensions, "", false));
            }
            ShadowCopies.deleteQuietly(copy);
            return PluginValidation.refused(v.pluginId(), v.version(), why);
        }
        LoadedJar l = now.get();
        registry.clearProblems(problemKey(source));
        if (old != null) {
            events.add(PluginEvent.Type.REPLACED, l.id, l.version, source, "replaces " + old.version + " for new runs"
                + old.stillUsed() + "; " + String.join(", ", l.extensions));
        } else {
            events.add(PluginEvent.Type.LOADED, l.id, l.version, source, String.join(", ", l.extensions));
        }
        return v;
    }

    /** Loads {@code copy} into PF4J, starts it and registers its extensions. */
    private Optional<LoadedJar> start(Path source, JarFingerprint fp, Path copy, String sha, PluginValidation v) {
        String id = null;
        try {
            id = manager.loadPlugin(copy);
            PluginWrapper w = manager.getPlugin(id);
            if (w == null) {
                lastStartFailure = "its Plugin-Dependencies could not be resolved";
                return Optional.empty();
            }
            PluginState s = manager.startPlugin(id);
            if (s != PluginState.STARTED) {
                Throwable t = w.getFailedException();
                lastStartFailure = "did not start (state " + s + (t == null ? "" : ", " + t) + ")";
                manager.unloadPlugin(id);
                return Optional.empty();
            }
            List<Map.Entry<ExtensionKind, Component>> found = new ArrayList<>();
            for (ExtensionKind kind : ExtensionKind.values()) {
                for (Object ext : manager.getExtensions(kind.type(), id)) {
                    found.add(Map.entry(kind, (Component) ext));
                }
            }
            if (found.size() < v.extensions().size()) {
                lastStartFailure = "only " + found.size() + " of its " + v.extensions().size() + " extensions could be created";
                manager.unloadPlugin(id);
                return Optional.empty();
            }
            List<String> registered = registry.replacePlugin(id, w.getDescriptor().getVersion(), found);
            ParentFirstClassLoader loader = (ParentFirstClassLoader) w.getPluginClassLoader();
            LoadedJar l = new LoadedJar(source, fp, copy, sha, id, w.getDescriptor().getVersion(), loader, registered);
            loader.whenClosed(() -> {
                if (retired.test(l)) {
                    events.add(PluginEvent.Type.RETIRED, l.id, l.version, l.source,
                        "class loader closed: no run uses this version any more");
                }
            });
            loaded.put(l);
            LOG.debug("plugin {} {}: {}", id, l.version, registered);
            return Optional.of(l);
        } catch (RuntimeException | LinkageError e) {
            lastStartFailure = "failed to load: " + e;
            LOG.debug("loading {}", copy, e);
            if (id != null && manager.getPlugin(id) != null) {
                try {
                    manager.unloadPlugin(id);
                } catch (RuntimeException ignored) {
                    // already broken; the registry never saw it
                }
            }
            return Optional.empty();
        }
    }

    /** Takes the plugin out of the registry and PF4J; its class loader closes when no lease holds it. */
    void unload(LoadedJar l) {
        loaded.remove(l.source);
        registry.unregisterPlugin(l.id);
        if (manager.getPlugin(l.id) != null) {
            try {
                manager.unloadPlugin(l.id); // closes (deferred) the loader; PF4J also unloads dependents
            } catch (RuntimeException e) {
                LOG.warn("unloading plugin {}: {}", l.id, e.toString());
                l.loader.close();
            }
        } else {
            l.loader.close();
        }
    }

    /** Drops plugins PF4J unloaded on its own (dependents of an unloaded plugin); they are retried. */
    boolean dropOrphans() {
        boolean any = false;
        for (LoadedJar l : loaded.snapshot()) {
            PluginWrapper w = manager.getPlugin(l.id);
            if (w == null || w.getPluginClassLoader() != l.loader) {
                loaded.remove(l.source);
                registry.unregisterPlugin(l.id);
                l.loader.close();
                events.add(PluginEvent.Type.REMOVED, l.id, l.version, l.source, "a plugin it depends on was unloaded; reloading");
                any = true;
            }
        }
        return any;
    }

    /** Unloads everything and closes every class loader, leases or not (host shutdown). */
    void unloadAll() {
        // stopPlugins() throws ConcurrentModificationException in PF4J 3.12-3.15 (issue #656): one by one.
        for (LoadedJar l : loaded.snapshot()) {
            registry.unregisterPlugin(l.id);
            try {
                if (manager.getPlugin(l.id) != null) {
                    manager.unloadPlugin(l.id);
                }
            } catch (RuntimeException e) {
                LOG.debug("unloading {}: {}", l.id, e.toString());
            }
            l.loader.closeNow();
        }
        loaded.clear();
    }
}
