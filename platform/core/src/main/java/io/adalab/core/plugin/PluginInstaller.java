package io.adalab.core.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs an uploaded jar into the user plugin folder and loads it, or leaves everything as it
 * was (the previous jar is put back) when it does not load. Used under the host's lock.
 */
final class PluginInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    private final PluginHost host;
    private final LoadedJars loaded;
    private final ShadowCopies copies;
    private final PluginRegistry registry;

    PluginInstaller(PluginHost host, LoadedJars loaded, ShadowCopies copies, PluginRegistry registry) {
        this.host = host;
        this.loaded = loaded;
        this.copies = copies;
        this.registry = registry;
    }

    /** See {@link PluginHost#install}. */
    InstallResult install(Path jar, String fileName, boolean replace) {
        Path userDir = host.userFolder().orElse(null);
        if (userDir == null) {
            return InstallResult.refused("", "", "no user plugin folder is configured");
        }
        PluginValidation v = host.validate(jar);
        if (!v.valid()) {
            return InstallResult.refused(v.pluginId(), v.version(), v.reason());
        }
        String name = fileName == null || fileName.isBlank() ? v.pluginId() + "-" + v.version() + ".jar" : fileName;
        Optional<String> safe = PluginFiles.safeJarName(name);
        if (safe.isEmpty()) {
            return InstallResult.refused(v.pluginId(), v.version(), "file name '" + name + "' is not a .jar name");
        }
        Path target = userDir.resolve(safe.get());
        LoadedJar existing = loaded.byId(v.pluginId());
        if (existing != null && (!replace || !existing.source.getParent().equals(userDir))) {
            return InstallResult.refused(v.pluginId(), v.version(), "plugin id '" + v.pluginId() + "' is already loaded from "
                + existing.source.getFileName() + (existing.source.getParent().equals(userDir) ? " (install with replace to replace it)"
                : " (a built-in plugin; it cannot be replaced)"));
        }
        LoadedJar atTarget = loaded.get(target);
        if (atTarget != null && atTarget != existing) {
            return InstallResult.refused(v.pluginId(), v.version(), "file " + target.getFileName() + " holds plugin " + atTarget.id);
        }
        Path backup = null;
        try {
            Files.createDirectories(userDir);
            if (Files.exists(target)) {
                backup = copies.backup(target);
            }
            Path part = userDir.resolve("." + safe.get() + ".part");
            Files.copy(jar, part, StandardCopyOption.REPLACE_EXISTING);
            ShadowCopies.move(part, target);
            if (existing != null && !existing.source.equals(target)) {
                Files.deleteIfExists(existing.source);
            }
        } catch (IOException e) {
            return InstallResult.refused(v.pluginId(), v.version(), "cannot write " + target.getFileName() + ": " + e.getMessage());
        }
        host.rescan(false);
        LoadedJar now = loaded.get(target);
        if (now == null || !now.id.equals(v.pluginId())) {
            String why = registry.problems().stream().filter(p -> p.contains(target.getFileName().toString()))
                .reduce((a, b) -> b).orElse("it did not load");
            rollback(target, backup, existing);
            return InstallResult.refused(v.pluginId(), v.version(), why);
        }
        return new InstallResult(true, now.id, now.version, target.getFileName().toString(), existing != null, now.extensions, "");
    }

    private void rollback(Path target, Path backup, LoadedJar existing) {
        try {
            if (backup != null) {
                ShadowCopies.move(backup, target);
            } else {
                Files.deleteIfExists(target);
            }
            if (existing != null && !existing.source.equals(target) && Files.notExists(existing.source)) {
                Files.copy(existing.copy, existing.source);
            }
        } catch (IOException e) {
            LOG.warn("rolling back the install of {}: {}", target.getFileName(), e.toString());
        }
        registry.clearProblems(JarLoader.problemKey(target));
        host.rescan(false);
    }
}
