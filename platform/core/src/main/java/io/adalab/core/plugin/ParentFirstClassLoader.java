package io.adalab.core.plugin;

import java.io.IOException;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * PF4J's plugin-first class loader, except that the host's shared libraries always come from the
 * host: a plugin that wrongly bundles ND4J, DL4J, JavaCPP or the Adalab API still works instead of
 * failing with a loader-constraint violation (STACK.md), because the same class from two loaders
 * would be two classes.
 *
 * <p>Closing is deferred while runs hold a lease: PF4J closes a plugin's loader when it unloads the
 * plugin, but a run that started with that version must keep loading its classes until it ends.
 * {@link #close()} therefore only marks the loader; the real close happens when the last lease is
 * released (or at once if there is none).
 */
final class ParentFirstClassLoader extends PluginClassLoader {
    private static final String[] SHARED = {
        "io.adalab.api.", "org.nd4j.", "org.deeplearning4j.", "org.bytedeco.", "org.datavec.",
        "org.pf4j.", "org.slf4j.",
    };
    private int leases;
    private boolean closeRequested;
    private boolean reallyClosed;
    private volatile Runnable whenClosed = () -> { };

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

    /** Takes a lease; false if this loader is already closed (its plugin was unloaded and nobody used it). */
    synchronized boolean retain() {
        if (reallyClosed) {
            return false;
        }
        leases++;
        return true;
    }

    /** Returns a lease; closes the loader if it was asked to close and this was the last one. */
    void release() {
        boolean closeNow;
        synchronized (this) {
            leases = Math.max(0, leases - 1);
            closeNow = closeRequested && leases == 0 && !reallyClosed;
        }
        if (closeNow) {
            closeNow();
        }
    }

    /** Active leases (runs using this plugin version). */
    synchronized int leases() {
        return leases;
    }

    /** Whether PF4J (or the host) asked to close while leases were held. */
    synchronized boolean closePending() {
        return closeRequested && !reallyClosed;
    }

    /** Closes when no lease is held, otherwise when the last one is released. */
    @Override
    public void close() {
        boolean closeNow;
        synchronized (this) {
            closeRequested = true;
            closeNow = leases == 0 && !reallyClosed;
        }
        if (closeNow) {
            closeNow();
        }
    }

    /** Runs {@code r} once this loader is really closed (for the host's event log). */
    void whenClosed(Runnable r) {
        whenClosed = r;
    }

    /** Closes now, leases or not (host shutdown). */
    void closeNow() {
        synchronized (this) {
            if (reallyClosed) {
                return;
            }
            reallyClosed = true;
        }
        try {
            super.close();
        } catch (IOException e) {
            // nothing to recover: the jar handle is gone either way
        }
        whenClosed.run();
    }
}
