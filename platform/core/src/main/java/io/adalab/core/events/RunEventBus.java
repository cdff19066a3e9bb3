package io.adalab.core.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans events out to listeners; a failing listener is logged and skipped, never the trainer's problem. */
public final class RunEventBus implements RunListener {
    private static final Logger LOG = LoggerFactory.getLogger(RunEventBus.class);
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener; returns a handle that removes it. */
    public AutoCloseable subscribe(RunListener l) {
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    @Override public void onEvent(RunEvent event) {
        for (RunListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("run listener {} failed on {}: {}", l, event.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
