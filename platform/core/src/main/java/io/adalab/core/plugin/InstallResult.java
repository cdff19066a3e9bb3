package io.adalab.core.plugin;

import java.util.List;

/**
 * What {@link PluginHost#install} did.
 *
 * @param installed  whether the jar is now in the user plugin folder and loaded
 * @param pluginId   the plugin's id (empty if the jar had none)
 * @param version    the plugin's version (empty if none)
 * @param file       the file name it was installed as (empty when refused)
 * @param replaced   whether it replaced an installed version of the same plugin
 * @param extensions the extensions now registered from it, as {@code kind:id}
 * @param reason     why it was refused; empty when installed
 */
public record InstallResult(boolean installed, String pluginId, String version, String file, boolean replaced,
                            List<String> extensions, String reason) {
    public InstallResult {
        extensions = List.copyOf(extensions);
    }

    static InstallResult refused(String pluginId, String version, String reason) {
        return new InstallResult(false, pluginId, version, "", false, List.of(), reason);
    }
}
