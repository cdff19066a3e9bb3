package io.adalab.core.plugin;

import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * PF4J's plugin-first class loader, except that the host's shared libraries always come from the
 * host: a plugin that wrongly bundles ND4J, DL4J, JavaCPP or the Adalab API still works instead of
 * failing with a loader-constraint violation (STACK.md), because the same class from two loaders
 * would be two classes.
 */
final class ParentFirstClassLoader extends PluginClassLoader {
    private static final String[] SHARED = {
        "io.adalab.api.", "org.nd4j.", "org.deeplearning4j.", "org.bytedeco.", "org.datavec.",
        "org.pf4j.", "org.slf4j.",
    };

    ParentFirstClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader parent) {
        super(manager, descriptor, parent);
    }

    @Override
    protected boolean shouldDelegateToParent(String className) {
        for (String prefix : SHARED) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return super.shouldDelegateToParent(className);
    }
}
