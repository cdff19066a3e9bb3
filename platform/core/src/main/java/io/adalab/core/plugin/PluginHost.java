package io.adalab.core.plugin;

import io.adalab.api.AdalabApi;
import io.adalab.api.Component;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
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
 */
public final class PluginHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    private static final int MAX_EVENTS = 500;
    private final List<Path> folders;
    private final Path shadowRoot;
    private final PluginRegistry registry;
    private final Manager manager;
    private final PluginJarValidator validator;
    private final Map<Path, Loaded> loaded = new LinkedHashMap<>();
    private final Map<Path, Fingerprint> refused = new HashMap<>();
    private final Map<Path, Fingerprint> settling = new HashMap<>();
    private final java.util.Set<Path> needsDependency = new java.util.HashSet<>();
    private final Deque<PluginEvent> events = new ArrayDeque<>();
    private final List<Consumer<PluginEvent>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong generation = new AtomicLong();
    private PluginFolderWatcher watcher;
    private boolean closed;
    private String lastStartFailure = "";

    /** What identifies a version of a file cheaply (a change makes the scan look again). */
    private record Fingerprint(long size, long modified, Object key) {
    }

    /** A jar loaded from {@code source}. */
    private static final class Loaded {
        final Path source;
        final Path copy;
        final String sha256;
        final String id;
        final String version;
        final ParentFirstClassLoader loader;
        final List<String> extensions;
        final Instant at = Instant.now();
        Fingerprint fingerprint;

        Loaded(Path source, Fingerprint fp, Path copy, String sha256, String id, String version,
               ParentFirstClassLoader loader, List<String> extensions) {
            this.source = source;
            this.fingerprint = fp;
            this.copy = copy;
            this.sha256 = sha256;
            this.id = id;
            this.version = version;
            this.loader = loader;
            this.extensions = extensions;
        }
    }

    private static final class Manager extends DefaultPluginManager {
        Manager(Path root) {
            super(List.of(root));
            // One plugin with a missing dependency must not stop the others (the default throws).
            setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
            setSystemVersion(AdalabApi.VERSION);
        }

        @Override protected PluginLoader createPluginLoader() {
            return new CompoundPluginLoader().add(new JarPluginLoader(this) {
                @Override protected PluginClassLoader createPluginClassLoader(Path path, PluginDescriptor d) {
                    return new ParentFirstClassLoader(pluginManager, d, PluginHost.class.getClassLoader());
                }
            });
        }
    }

    private PluginHost(List<Path> folders, PluginRegistry registry) {
        this.folders = List.copyOf(folders);
        this.registry = registry;
        try {
            this.shadowRoot = Files.createTempDirectory("adalab-plugins-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for plugin copies", e);
        }
        this.manager = new Manager(shadowRoot);
        this.validator = new PluginJarValidator(manager);
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
        if (closed) {
            return false;
        }
        // Unloading a plugin also unloads its dependents, and a newly loaded one may be what a refused jar
        // needed: either way the next round picks them up.
        for (int round = 0; round < 4 && rescanOnce(waitForStableFiles && round == 0); round++) {
            LOG.debug("plugin scan: dependents were unloaded, scanning again");
        }
        return !settling.isEmpty();
    }

    /** One pass; returns whether another is due (dependents were unloaded, or a dependency arrived). */
    private final java.util.Set<Path> missing = new java.util.HashSet<>();

    private boolean rescanOnce(boolean waitForStableFiles) {
        Map<Path, Fingerprint> present = list();
        missing.retainAll(loaded.keySet());
        missing.removeAll(present.keySet());
        for (Path gone : new ArrayList<>(loaded.keySet())) {
            Loaded l = loaded.get(gone);
            if (l != null && !present.containsKey(gone)) {
                // `cp` over a jar may delete it before writing the new one: a jar counts as removed only
                // when it is still missing one scan later, so an overwrite is a replacement, not remove + add
                if (waitForStableFiles && missing.add(gone)) {
                    continue;
                }
                missing.remove(gone);
                unload(l);
                event(PluginEvent.Type.REMOVED, l.id, l.version, gone, "jar removed" + stillUsed(l));
            }
        }
        boolean orphans = dropOrphans();
        refused.keySet().removeIf(p -> {
            if (present.containsKey(p)) {
                return false;
            }
            registry.clearProblems(fileKey(p));
            needsDependency.remove(p);
            return true;
        });
        settling.keySet().retainAll(present.keySet());
        List<Path> todo = new ArrayList<>();
        for (Map.Entry<Path, Fingerprint> e : present.entrySet()) {
            Path f = e.getKey();
            Fingerprint fp = e.getValue();
            Loaded l = loaded.get(f);
            if ((l != null && l.fingerprint.equals(fp)) || fp.equals(refused.get(f))) {
                continue;
            }
            if (waitForStableFiles && !fp.equals(settling.get(f))) {
                settling.put(f, fp);
                continue;
            }
            settling.remove(f);
            todo.add(f);
        }
        return apply(todo, present) || orphans;
    }

    /** Loads {@code todo} in dependency order: a jar whose dependency is among the others waits for it. */
    private boolean apply(List<Path> todo, Map<Path, Fingerprint> present) {
        Map<Path, PluginValidation> waiting = new LinkedHashMap<>();
        boolean orphans = false;
        boolean progress = true;
        while (progress && !todo.isEmpty()) {
            progress = false;
            for (Path f : new ArrayList<>(todo)) {
                PluginValidation v = loadFile(f, present.get(f));
                if (v.valid()) {
                    todo.remove(f);
                    waiting.remove(f);
                    progress = true;
                    if (!needsDependency.isEmpty()) { // what they waited for may have arrived: try them again
                        refused.keySet().removeAll(needsDependency);
                        needsDependency.clear();
                        orphans = true;
                    }
                } else if (v.missingDependency()) {
                    waiting.put(f, v);
                } else {
                    todo.remove(f);
                    refuse(f, present.get(f), v);
                }
                orphans |= dropOrphans();
            }
        }
        for (Path f : todo) {
            refuse(f, present.get(f), waiting.getOrDefault(f, PluginValidation.refused("not loaded")));
        }
        return orphans;
    }

    /**
     * Validates and loads one jar (replacing the version loaded from the same file, if any).
     * Returns the validation; on success the plugin is started and registered.
     */
    private PluginValidation loadFile(Path source, Fingerprint fp) {
        Loaded old = loaded.get(source);
        Path copy;
        String sha;
        try {
            copy = shadowRoot.resolve(Long.toString(generation.incrementAndGet())).resolve(source.getFileName().toString());
            Files.createDirectories(copy.getParent());
            Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
            sha = sha256(copy);
        } catch (IOException | UncheckedIOException e) {
            return PluginValidation.refused("cannot read " + source.getFileName() + ": " + e.getMessage());
        }
        if (old != null && old.sha256.equals(sha)) {
            old.fingerprint = fp; // touched, not changed
            deleteQuietly(copy);
            return new PluginValidation(true, old.id, old.version, old.extensions, "", false);
        }
        PluginValidation v = validator.validate(copy);
        if (v.valid()) {
            Loaded other = byId(v.pluginId());
            if (other != null && other != old) {
                v = new PluginValidation(false, v.pluginId(), v.version(), v.extensions(), "plugin id '" + v.pluginId()
                    + "' is already loaded from " + other.source.getFileName() + "; remove that jar to replace it", false);
            }
        }
        if (!v.valid()) {
            deleteQuietly(copy);
            return v;
        }
        if (old != null) {
            unload(old);
        }
        Optional<Loaded> now = start(source, fp, copy, sha, v);
        if (now.isEmpty()) {
            String why = lastStartFailure;
            if (old != null) {
                start(old.source, old.fingerprint, old.copy, old.sha256, // bring the previous version back
                    new PluginValidation(true, old.id, old.version, old.extensions, "", false));
            }
            deleteQuietly(copy);
            return PluginValidation.refused(v.pluginId(), v.version(), why);
        }
        Loaded l = now.get();
        registry.clearProblems(fileKey(source));
        refused.remove(source);
        if (old != null) {
            event(PluginEvent.Type.REPLACED, l.id, l.version, source, "replaces " + old.version + " for new runs"
                + stillUsed(old) + "; " + String.join(", ", l.extensions));
        } else {
            event(PluginEvent.Type.LOADED, l.id, l.version, source, String.join(", ", l.extensions));
        }
        return v;
    }

    /** Loads {@code copy} into PF4J, starts it and registers its extensions. */
    private Optional<Loaded> start(Path source, Fingerprint fp, Path copy, String sha, PluginValidation v) {
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
            Loaded l = new Loaded(source, fp, copy, sha, id, w.getDescriptor().getVersion(), loader, registered);
            loader.whenClosed(() -> {
                if (isRetired(l)) {
                    event(PluginEvent.Type.RETIRED, l.id, l.version, l.source, "class loader closed: no run uses this version any more");
                }
            });
            loaded.put(source, l);
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

    /** Whether {@code l} was replaced or removed while the host runs (its loader closing is news then). */
    private synchronized boolean isRetired(Loaded l) {
        return !closed && loaded.get(l.source) != l;
    }

    /** Takes the plugin out of the registry and PF4J; its class loader closes when no lease holds it. */
    private void unload(Loaded l) {
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
    private boolean dropOrphans() {
        boolean any = false;
        for (Loaded l : new ArrayList<>(loaded.values())) {
            PluginWrapper w = manager.getPlugin(l.id);
            if (w == null || w.getPluginClassLoader() != l.loader) {
                loaded.remove(l.source);
                registry.unregisterPlugin(l.id);
                l.loader.close();
                event(PluginEvent.Type.REMOVED, l.id, l.version, l.source, "a plugin it depends on was unloaded; reloading");
                any = true;
            }
        }
        return any;
    }

    private void refuse(Path f, Fingerprint fp, PluginValidation v) {
        refused.put(f, fp);
        if (v.missingDependency()) {
            needsDependency.add(f);
        }
        String msg = (v.pluginId().isEmpty() ? "" : "plugin " + v.pluginId() + " ") + "(" + f.getFileName() + ") refused: " + v.reason();
        registry.addProblem(fileKey(f), msg);
        event(PluginEvent.Type.REFUSED, v.pluginId(), v.version(), f, v.reason());
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
            ExtensionKind kind = ExtensionKind.valueOf(kv[0].toUpperCase(java.util.Locale.ROOT));
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
        Path userDir = userFolder().orElse(null);
        if (userDir == null) {
            return InstallResult.refused("", "", "no user plugin folder is configured");
        }
        PluginValidation v = validate(jar);
        if (!v.valid()) {
            return InstallResult.refused(v.pluginId(), v.version(), v.reason());
        }
        String name = fileName == null || fileName.isBlank() ? v.pluginId() + "-" + v.version() + ".jar" : fileName;
        Optional<String> safe = PluginFiles.safeJarName(name);
        if (safe.isEmpty()) {
            return InstallResult.refused(v.pluginId(), v.version(), "file name '" + name + "' is not a .jar name");
        }
        Path target = userDir.resolve(safe.get());
        Loaded existing = byId(v.pluginId());
        if (existing != null && (!replace || !existing.source.getParent().equals(userDir))) {
            return InstallResult.refused(v.pluginId(), v.version(), "plugin id '" + v.pluginId() + "' is already loaded from "
                + existing.source.getFileName() + (existing.source.getParent().equals(userDir) ? " (install with replace to replace it)"
                : " (a built-in plugin; it cannot be replaced)"));
        }
        Loaded atTarget = loaded.get(target);
        if (atTarget != null && atTarget != existing) {
            return InstallResult.refused(v.pluginId(), v.version(), "file " + target.getFileName() + " holds plugin " + atTarget.id);
        }
        Path backup = null;
        try {
            Files.createDirectories(userDir);
            if (Files.exists(target)) {
                backup = shadowRoot.resolve("backup-" + generation.incrementAndGet() + ".jar");
                Files.copy(target, backup);
            }
            Path part = userDir.resolve("." + safe.get() + ".part");
            Files.copy(jar, part, StandardCopyOption.REPLACE_EXISTING);
            move(part, target);
            if (existing != null && !existing.source.equals(target)) {
                Files.deleteIfExists(existing.source);
            }
        } catch (IOException e) {
            return InstallResult.refused(v.pluginId(), v.version(), "cannot write " + target.getFileName() + ": " + e.getMessage());
        }
        rescan(false);
        Loaded now = loaded.get(target);
        if (now == null || !now.id.equals(v.pluginId())) {
            String why = registry.problems().stream().filter(p -> p.contains(target.getFileName().toString()))
                .reduce((a, b) -> b).orElse("it did not load");
            rollback(target, backup, existing);
            return InstallResult.refused(v.pluginId(), v.version(), why);
        }
        return new InstallResult(true, now.id, now.version, target.getFileName().toString(), existing != null, now.extensions, "");
    }

    private void rollback(Path target, Path backup, Loaded existing) {
        try {
            if (backup != null) {
                move(backup, target);
            } else {
                Files.deleteIfExists(target);
            }
            if (existing != null && !existing.source.equals(target) && Files.notExists(existing.source)) {
                Files.copy(existing.copy, existing.source);
            }
        } catch (IOException e) {
            LOG.warn("rolling back the install of {}: {}", target.getFileName(), e.toString());
        }
        registry.clearProblems(fileKey(target));
        rescan(false);
    }

    /**
     * Holds the plugin versions of {@code components} (the extensions a run uses) until the lease
     * is closed. Components from the class path need no lease and are skipped.
     *
     * @throws IllegalStateException if one of them was unloaded already (plan the experiment again)
     */
    public PluginLease lease(Collection<? extends Component> components) {
        Map<ParentFirstClassLoader, Boolean> loaders = new IdentityHashMap<>();
        for (Component c : components) {
            if (c != null && c.getClass().getClassLoader() instanceof ParentFirstClassLoader l) {
                loaders.put(l, Boolean.TRUE);
            }
        }
        List<ParentFirstClassLoader> held = new ArrayList<>();
        for (ParentFirstClassLoader l : loaders.keySet()) {
            if (!l.retain()) {
                held.forEach(ParentFirstClassLoader::release);
                throw new IllegalStateException("a plugin this run uses was unloaded after the experiment was planned; plan it again");
            }
            held.add(l);
        }
        return held.isEmpty() ? PluginLease.NONE : new PluginLease(held);
    }

    /** The plugins PF4J knows (current versions), for listings. */
    public List<PluginWrapper> plugins() {
        return manager.getPlugins();
    }

    /** The loaded jars with their source files, hashes and extensions. */
    public synchronized List<InstalledPlugin> installed() {
        Path user = userFolder().orElse(null);
        return loaded.values().stream().map(l -> new InstalledPlugin(l.id, l.version, l.source, l.sha256,
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
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** Calls {@code listener} for every new event (on the thread that caused it); close to stop. */
    public AutoCloseable subscribe(Consumer<PluginEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The registry this host fills. */
    public PluginRegistry registry() {
        return registry;
    }

    private void event(PluginEvent.Type type, String id, String version, Path file, String message) {
        PluginEvent e = new PluginEvent(Instant.now(), type, id == null ? "" : id, version == null ? "" : version,
            file.getFileName().toString(), message);
        if (type == PluginEvent.Type.REFUSED) {
            LOG.warn("plugin jar {} refused: {}", e.file(), message);
        } else {
            LOG.info("plugin {} {} {} ({}){}", type.name().toLowerCase(java.util.Locale.ROOT), e.pluginId(), e.version(),
                e.file(), message.isEmpty() ? "" : ": " + message);
        }
        synchronized (events) {
            events.addLast(e);
            while (events.size() > MAX_EVENTS) {
                events.removeFirst();
            }
        }
        for (Consumer<PluginEvent> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                LOG.debug("plugin event listener failed", ex);
            }
        }
    }

    private static String stillUsed(Loaded l) {
        int n = l.loader.leases();
        return n == 0 ? "" : "; " + n + " run(s) in flight keep version " + l.version;
    }

    private Loaded byId(String id) {
        for (Loaded l : loaded.values()) {
            if (l.id.equals(id)) {
                return l;
            }
        }
        return null;
    }

    private Map<Path, Fingerprint> list() {
        Map<Path, Fingerprint> out = new LinkedHashMap<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
                ds.forEach(files::add);
            } catch (IOException e) {
                LOG.warn("cannot list plugin folder {}: {}", folder, e.toString());
                continue;
            }
            files.sort(null);
            for (Path f : files) {
                if (!PluginFiles.isCandidate(f)) {
                    continue;
                }
                try {
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                    out.put(f, new Fingerprint(a.size(), a.lastModifiedTime().toMillis(), a.fileKey()));
                } catch (IOException e) {
                    // vanished between listing and reading: the next scan sees it gone
                }
            }
        }
        return out;
    }

    private static String fileKey(Path f) {
        return "file:" + f;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String sha256(Path f) {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
            Files.deleteIfExists(p.getParent());
        } catch (IOException e) {
            // a leftover copy in the temp folder; removed on close
        }
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
            // stopPlugins() throws ConcurrentModificationException in PF4J 3.12-3.15 (issue #656): one by one.
            for (Loaded l : new ArrayList<>(loaded.values())) {
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
        try (var walk = Files.walk(shadowRoot)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("removing {}: {}", shadowRoot, e.toString());
        }
    }
}
