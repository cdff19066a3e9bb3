package io.adalab.core.plugin;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A plugin jar currently loaded, for listings (PF4J's own wrapper points at the host's private copy).
 *
 * @param id         {@code Plugin-Id}
 * @param version    {@code Plugin-Version}
 * @param source     the jar in the plugin folder it was loaded from
 * @param sha256     the loaded bytes' SHA-256, hex
 * @param builtin    whether it comes from a folder other than the user plugin folder
 * @param extensions the extensions registered from it, as {@code kind:id}
 * @param loadedAt   when it was loaded
 */
public record InstalledPlugin(String id, String version, Path source, String sha256, boolean builtin,
                              List<String> extensions, Instant loadedAt) {
    public InstalledPlugin {
        extensions = List.copyOf(extensions);
    }
}
