package io.adalab.core.plugin;

import io.adalab.api.Component;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Takes the leases that keep a run's plugin versions loadable (see {@link PluginHost#lease}). */
final class PluginLeases {
    private PluginLeases() {
    }

    /** @throws IllegalStateException if a component's class loader was closed already */
    static PluginLease lease(Collection<? extends Component> components) {
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
}
