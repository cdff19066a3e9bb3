package io.adalab.core.plugin;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the plugin versions a run uses loadable until the run ends: while a lease is open, a
 * removed or replaced jar's class loader stays open. Close it exactly when the run ends; closing
 * twice is harmless.
 */
public final class PluginLease implements AutoCloseable {
    static final PluginLease NONE = new PluginLease(List.of());
    private final List<ParentFirstClassLoader> loaders;
    private final AtomicBoolean closed = new AtomicBoolean();

    PluginLease(List<ParentFirstClassLoader> loaders) {
        this.loaders = List.copyOf(loaders);
    }

    /** Number of plugin versions held. */
    public int size() {
        return loaders.size();
    }

    @Override public void close() {
        if (closed.compareAndSet(false, true)) {
            loaders.forEach(ParentFirstClassLoader::release);
        }
    }
}
