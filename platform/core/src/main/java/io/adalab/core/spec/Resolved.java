package io.adalab.core.spec;

import io.adalab.api.Component;
import io.adalab.api.Hyperparameters;
import io.adalab.core.plugin.Registered;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An extension chosen by a spec, with validated hyperparameters and provenance.
 *
 * @param registered      the extension and its plugin
 * @param hyperparameters validated values, defaults filled in
 */
public record Resolved<T extends Component>(Registered<T> registered, Hyperparameters hyperparameters) {

    /** The extension. */
    public T extension() {
        return registered.extension();
    }

    /** The extension id. */
    public String id() {
        return registered.id();
    }

    /** {@code {id, plugin, plugin_version, hyperparameters}} for storage and provenance. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id());
        m.put("plugin", registered.pluginId());
        m.put("plugin_version", registered.pluginVersion());
        m.put("hyperparameters", hyperparameters.asMap());
        return m;
    }
}
