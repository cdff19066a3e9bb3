package io.adalab.core.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The jars loaded now, by source file, in load order. Not thread-safe: used under the host's lock. */
final class LoadedJars {
    private final Map<Path, LoadedJar> bySource = new LinkedHashMap<>();

    LoadedJar get(Path source) {
        return bySource.get(source);
    }

    /** The jar that provides plugin {@code id}, or null. */
    LoadedJar byId(String id) {
        for (LoadedJar l : bySource.values()) {
            if (l.id.equals(id)) {
                return l;
            }
        }
        return null;
    }

    void put(LoadedJar l) {
        bySource.put(l.source, l);
    }

    void remove(Path source) {
        bySource.remove(source);
    }

    /** The source files (a live view). */
    Set<Path> sources() {
        return bySource.keySet();
    }

    /** A copy of the loaded jars, safe to iterate while loading or unloading. */
    List<LoadedJar> snapshot() {
        return new ArrayList<>(bySource.values());
    }

    void clear() {
        bySource.clear();
    }
}
