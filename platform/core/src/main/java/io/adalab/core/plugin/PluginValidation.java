package io.adalab.core.plugin;

import java.util.List;

/**
 * The verdict on a plugin jar before anything is installed or loaded: the descriptor is present,
 * {@code Plugin-Requires} is satisfied by {@link io.adalab.api.AdalabApi#VERSION}, the
 * {@code Plugin-Dependencies} are loaded, and every extension class loads and can be created.
 *
 * @param valid             whether the jar may be loaded
 * @param pluginId          {@code Plugin-Id}, or empty if the jar has none
 * @param version           {@code Plugin-Version}, or empty
 * @param extensions        what it contributes, as {@code kind:id} (e.g. {@code optimizer:adagrad-decay})
 * @param reason            why it is refused; empty when valid
 * @param missingDependency whether the only problem is a dependency that is not loaded (yet)
 */
public record PluginValidation(boolean valid, String pluginId, String version, List<String> extensions, String reason,
                               boolean missingDependency) {
    public PluginValidation {
        extensions = List.copyOf(extensions);
    }

    static PluginValidation refused(String reason) {
        return new PluginValidation(false, "", "", List.of(), reason, false);
    }

    static PluginValidation refused(String pluginId, String version, String reason) {
        return new PluginValidation(false, pluginId, version, List.of(), reason, false);
    }
}
