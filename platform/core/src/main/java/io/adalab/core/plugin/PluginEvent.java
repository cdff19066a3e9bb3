package io.adalab.core.plugin;

import java.time.Instant;

/**
 * Something that happened to a plugin jar while the process ran, for the log and the dashboard.
 *
 * @param time     when
 * @param type     what happened
 * @param pluginId the plugin's id, or empty when the jar had none
 * @param version  the plugin's version, or empty
 * @param file     the jar's file name
 * @param message  one line for people (the reason for {@link Type#REFUSED})
 */
public record PluginEvent(Instant time, Type type, String pluginId, String version, String file, String message) {

    /** Kinds of plugin events. */
    public enum Type {
        /** A jar was loaded and its extensions registered. */
        LOADED,
        /** A new version of a loaded plugin replaced the old one for new runs. */
        REPLACED,
        /** A jar disappeared (or lost a dependency); its extensions are gone for new runs. */
        REMOVED,
        /** An old version's class loader was closed after the last run using it ended. */
        RETIRED,
        /** A jar was not loaded; the message says why. Nothing else changed. */
        REFUSED
    }

    @Override public String toString() {
        return time + " " + type + " " + (pluginId.isEmpty() ? "" : pluginId + "@" + version + " ") + "(" + file + ")"
            + (message.isEmpty() ? "" : ": " + message);
    }
}
