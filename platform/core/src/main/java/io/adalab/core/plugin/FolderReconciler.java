package io.adalab.core.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the loaded plugins in line with the folders: what is gone is unloaded, what is new or
 * changed is loaded in dependency order, what fails is refused (and not retried until the file
 * changes, or until a dependency it waited for arrives). Used under the host's lock.
 */
final class FolderReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    private final List<Path> folders;
    private final LoadedJars loaded;
    private final JarLoader loader;
    private final PluginRegistry registry;
    private final PluginEventLog events;
    private final Map<Path, JarFingerprint> refused = new HashMap<>();
    private final Map<Path, JarFingerprint> settling = new HashMap<>();
    private final Set<Path> needsDependency = new HashSet<>();
    /** Loaded jars found missing once: removed only if still missing at the next scan. */
    private final Set<Path> missing = new HashSet<>();

    FolderReconciler(List<Path> folders, LoadedJars loaded, JarLoader loader, PluginRegistry registry,
                     PluginEventLog events) {
        this.folders = folders;
        this.loaded = loaded;
        this.loader = loader;
        this.registry = registry;
        this.events = events;
    }

    /**
     * Brings loaded plugins in line with the folders. With {@code waitForStableFiles}, a new or
     * changed file is only loaded once it looked the same at two consecutive scans (a copy in
     * progress is not loaded half-written). Returns whether a file is still settling.
     */
    boolean rescan(boolean waitForStableFiles) {
        // Unloading a plugin also unloads its dependents, and a newly loaded one may be what a refused jar
        // needed: either way the next round picks them up.
        for (int round = 0; round < 4 && rescanOnce(waitForStableFiles && round == 0); round++) {
            LOG.debug("plugin scan: dependents were unloaded, scanning again");
        }
        return !settling.isEmpty();
    }

    /** One pass; returns whether another is due (dependents were unloaded, or a dependency arrived). */
    private boolean rescanOnce(boolean waitForStableFiles) {
        Map<Path, JarFingerprint> present = PluginFolderScan.list(folders);
        missing.retainAll(loaded.sources());
        missing.removeAll(present.keySet());
        for (Path gone : new ArrayList<>(loaded.sources())) {
            LoadedJar l = loaded.get(gone);
            if (l != null && !present.containsKey(gone)) {
                // `cp` over a jar may delete it before writing the new one: a jar counts as removed only
                // when it is still missing one scan later, so an overwrite is a replacement, not remove + add
                if (waitForStableFiles && missing.add(gone)) {
                    continue;
                }
                missing.remove(gone);
                loader.unload(l);
                events.add(PluginEvent.Type.REMOVED, l.id, l.version, gone, "jar removed" + l.stillUsed());
            }
        }
        boolean orphans = loader.dropOrphans();
        refused.keySet().removeIf(p -> {
            if (present.containsKey(p)) {
                return false;
            }
            registry.clearProblems(JarLoader.problemKey(p));
            needsDependency.remove(p);
            return true;
        });
        settling.keySet().retainAll(present.keySet());
        List<Path> todo = new ArrayList<>();
        for (Map.Entry<Path, JarFingerprint> e : present.entrySet()) {
            Path f = e.getKey();
            JarFingerprint fp = e.getValue();
            LoadedJar l = loaded.get(f);
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
    private boolean apply(List<Path> todo, Map<Path, JarFingerprint> present) {
        Map<Path, PluginValidation> waiting = new LinkedHashMap<>();
        boolean orphans = false;
        boolean progress = true;
        while (progress && !todo.isEmpty()) {
            progress = false;
            for (Path f : new ArrayList<>(todo)) {
                LoadedJar before = loaded.get(f);
                PluginValidation v = loader.load(f, present.get(f));
                if (v.valid()) {
                    if (loaded.get(f) != before) { // a new version, not the same bytes touched
                        refused.remove(f);
                    }
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
                orphans |= loader.dropOrphans();
            }
        }
        for (Path f : todo) {
            refuse(f, present.get(f), waiting.getOrDefault(f, PluginValidation.refused("not loaded")));
        }
        return orphans;
    }

    private void refuse(Path f, JarFingerprint fp, PluginValidation v) {
        refused.put(f, fp);
        if (v.missingDependency()) {
            needsDependency.add(f);
        }
        String msg = (v.pluginId().isEmpty() ? "" : "plugin " + v.pluginId() + " ") + "(" + f.getFileName() + ") refused: " + v.reason();
        registry.addProblem(JarLoader.problemKey(f), msg);
        events.add(PluginEvent.Type.REFUSED, v.pluginId(), v.version(), f, v.reason());
    }
}
