package io.adalab.core.plugin;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The host's recent plugin events (bounded), their log lines, and the listeners told of each. Thread-safe. */
final class PluginEventLog {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    private static final int MAX_EVENTS = 500;
    private final Deque<PluginEvent> events = new ArrayDeque<>();
    private final List<Consumer<PluginEvent>> listeners = new CopyOnWriteArrayList<>();

    /** Records, logs and announces an event about {@code file} (on the calling thread). */
    void add(PluginEvent.Type type, String id, String version, Path file, String message) {
        PluginEvent e = new PluginEvent(Instant.now(), type, id == null ? "" : id, version == null ? "" : version,
            file.getFileName().toString(), message);
        if (type == PluginEvent.Type.REFUSED) {
            LOG.warn("plugin jar {} refused: {}", e.file(), message);
        } else {
            LOG.info("plugin {} {} {} ({}){}", type.name().toLowerCase(Locale.ROOT), e.pluginId(), e.version(),
                e.file(), message.isEmpty() ? "" : ": " + message);
        }
        synchronized (events) {
            events.addLast(e);
            while (events.size() > MAX_EVENTS) {
                events.removeFirst();
            }
        }
        for (Consumer<PluginEvent> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                LOG.debug("plugin event listener failed", ex);
            }
        }
    }

    /** Recent events, oldest first. */
    List<PluginEvent> recent() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** Adds {@code listener}; close the result to remove it. */
    AutoCloseable subscribe(Consumer<PluginEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
