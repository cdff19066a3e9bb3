package io.adalab.core.plugin;

import io.adalab.api.Component;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.pf4j.PluginWrapper;

/**
 * Loads plugin jars from folders with PF4J, registers their extensions in a {@link PluginRegistry},
 * and keeps both in line with the folders while the process runs ({@link #watch()}).
 *
 * <ul>
 *   <li>Every jar is copied to a private folder and loaded from the copy, so a jar in the plugin
 *       folder may be overwritten or deleted at any time without breaking the version in use.</li>
 *   <li>A jar that is not a plugin, is corrupt, needs a newer API or a missing plugin, or whose
 *       classes fail to load is refused with the reason (log, {@link PluginRegistry#problems()},
 *       {@link #events()}); nothing else changes.</li>
 *   <li>A removed or replaced jar leaves the registry at once, so new runs get the new version (or
 *       nothing); runs that hold a {@link #lease} keep the old version, whose class loader is closed
 *       when the last of them ends ({@link PluginEvent.Type#RETIRED}).</li>
 * </ul>
 * The last folder given is the user plugin folder, where {@link #install} writes.
 *
 * <p>The work is done by package-private collaborators, all under this host's lock:
 * {@link FolderReconciler} (scans and decides), {@link JarLoader} (copies, validates, starts and
 * unloads), {@link PluginInstaller} (uploads), {@link PluginEventLog} and {@link PluginLeases}.
 */
public final class PluginHost implements AutoCloseable {
    private final List<Path> folders;
    private final PluginRegistry registry;
    private final ShadowCopies copies;
    private final HostPluginManager manager;
    private final PluginJarValidator validator;
    private final LoadedJars loaded = new LoadedJars();
    private final PluginEventLog events = new PluginEventLog();
    private final JarLoader loader;
    private final FolderReconciler reconciler;
    private final PluginInstaller installer;
    private PluginFolderWatcher watcher;
    private boolean closed;

    private PluginHost(List<Path> folders, PluginRegistry registry) {
        this.folders = List.copyOf(folders);
        this.registry = registry;
        this.copies = new ShadowCopies();
        this.manager = new HostPluginManager(copies.root());
        this.validator = new PluginJarValidator(manager);
        this.loader = new JarLoader(manager, validator, registry, copies, loaded, events, this::isRetired);
        this.reconciler = new FolderReconciler(this.folders, loaded, loader, registry, events);
        this.installer = new PluginInstaller(this, loaded, copies, registry);
    }

    /**
     * Loads and starts every plugin jar in {@code folders} (missing folders are skipped) and
     * registers their extensions. The last folder is the user plugin folder.
     */
    public static PluginHost load(List<Path> folders, PluginRegistry registry) {
        List<Path> roots = new ArrayList<>();
        for (Path f : folders) {
            if (f != null) {
                roots.add(f.toAbsolutePath().normalize());
            }
        }
        PluginHost host = new PluginHost(roots, registry);
        host.rescan();
        return host;
    }

    /** Starts watching the folders: changes are applied within about a second of a file settling. Idempotent. */
    public synchronized void watch() {
        if (watcher == null && !closed) {
            watcher = new PluginFolderWatcher(folders, () -> rescan(true));
            watcher.start();
        }
    }

    /** Applies the folders' current content now (files still being written are loaded too). */
    public void rescan() {
        rescan(false);
    }

    /**
     * Brings loaded plugins in line with the folders. With {@code waitForStableFiles}, a new or
     * changed file is only loaded once it looked the same at two consecutive scans (a copy in
     * progress is not loaded half-written). Returns whether a file is still settling.
     */
    synchronized boolean rescan(boolean waitForStableFiles) {
        return !closed && reconciler.rescan(waitForStableFiles);
    }

    /** Whether {@code l} was replaced or removed while the host runs (its loader closing is news then). */
    private synchronized boolean isRetired(LoadedJar l) {
        return !closed && loaded.get(l.source) != l;
    }

    /**
     * Checks a jar without installing or loading it (for uploads): descriptor present,
     * {@code Plugin-Requires} satisfied, dependencies loaded, extension classes loadable, and no
     * extension id already provided by another plugin.
     */
    public PluginValidation validate(Path jar) {
        PluginValidation v;
        synchronized (this) {
            v = validator.validate(jar);
        }
        if (!v.valid()) {
            return v;
        }
        for (String ext : v.extensions()) {
            String[] kv = ext.split(":", 2);
            ExtensionKind kind = ExtensionKind.valueOf(kv[0].toUpperCase(Locale.ROOT));
            Optional<Registered<Component>> taken = registry.find(kind, kv[1]);
            if (taken.isPresent() && !taken.get().pluginId().equals(v.pluginId())) {
                return PluginValidation.refused(v.pluginId(), v.version(), kind.word() + " id '" + kv[1]
                    + "' is already provided by plugin " + taken.get().pluginId());
            }
        }
        return v;
    }

    /**
     * Validates {@code jar} (e.g. an upload in a temporary file) and, if it passes, installs it into
     * the user plugin folder as {@code fileName} (sanitised; see {@link PluginFiles#safeJarName}) and
     * loads it. A plugin id that is already loaded is refused unless {@code replace} is true and that
     * plugin comes from the user folder, in which case the old jar is replaced (runs in flight keep
     * the old version). A refused jar changes nothing.
     */
    public synchronized InstallResult install(Path jar, String fileName, boolean replace) {
        if (closed) {
            return InstallResult.refused("", "", "the plugin host is closed");
        }
        return installer.install(jar, fileName, replace);
    }

    /**
     * Holds the plugin versions of {@code components} (the extensions a run uses) until the lease
     * is closed. Components from the class path need no lease and are skipped.
     *
     * @throws IllegalStateException if one of them was unloaded already (plan the experiment again)
     */
    public PluginLease lease(Collection<? extends Component> components) {
        return PluginLeases.lease(components);
    }

    /** The plugins PF4J knows (current versions), for listings. */
    public List<PluginWrapper> plugins() {
        return manager.getPlugins();
    }

    /** The loaded jars with their source files, hashes and extensions. */
    public synchronized List<InstalledPlugin> installed() {
        Path user = userFolder().orElse(null);
        return loaded.snapshot().stream().map(l -> new InstalledPlugin(l.id, l.version, l.source, l.sha256,
            !Objects.equals(l.source.getParent(), user), l.extensions, l.at)).toList();
    }

    /** The folder {@link #install} writes to (the last folder given), if any. */
    public Optional<Path> userFolder() {
        return folders.isEmpty() ? Optional.empty() : Optional.of(folders.get(folders.size() - 1));
    }

    /** The folders scanned, user folder last. */
    public List<Path> folders() {
        return folders;
    }

    /** Recent plugin events, oldest first (at most 500). */
    public List<PluginEvent> events() {
        return events.recent();
    }

    /** Calls {@code listener} for every new event (on the thread that caused it); close to stop. */
    public AutoCloseable subscribe(Consumer<PluginEvent> listener) {
        return events.subscribe(listener);
    }

    /** The registry this host fills. */
    public PluginRegistry registry() {
        return registry;
    }

    @Override public void close() {
        PluginFolderWatcher w;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            w = watcher;
        }
        if (w != null) {
            w.close();
        }
        synchronized (this) {
            loader.unloadAll();
        }
        copies.deleteAll();
    }
}
