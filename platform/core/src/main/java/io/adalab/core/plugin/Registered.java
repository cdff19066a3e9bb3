package io.adalab.core.plugin;

import io.adalab.api.Component;

/**
 * An extension together with the plugin that contributed it (for provenance).
 *
 * @param extension     the extension object
 * @param kind          its extension point
 * @param pluginId      contributing plugin ({@code "builtin"} for extensions registered in code)
 * @param pluginVersion the plugin's version
 */
public record Registered<T extends Component>(T extension, ExtensionKind kind, String pluginId, String pluginVersion) {
    /** The extension's id. */
    public String id() {
        return extension.id();
    }
}
