package io.adalab.core.plugin;

import io.adalab.api.AdalabApi;
import java.nio.file.Path;
import java.util.List;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;

/** PF4J configured for the host: jars only, {@link ParentFirstClassLoader}s, and the API version as system version. */
final class HostPluginManager extends DefaultPluginManager {
    HostPluginManager(Path root) {
        super(List.of(root));
        // One plugin with a missing dependency must not stop the others (the default throws).
        setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
        setSystemVersion(AdalabApi.VERSION);
    }

    @Override protected PluginLoader createPluginLoader() {
        return new CompoundPluginLoader().add(new JarPluginLoader(this) {
            @Override protected PluginClassLoader createPluginClassLoader(Path path, PluginDescriptor d) {
                return new ParentFirstClassLoader(pluginManager, d, PluginHost.class.getClassLoader());
            }
        });
    }
}
