package io.adalab.server.live;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One WebSocket client: its topics and its {@link Outbox}. At most one frame is in flight; what
 * arrives meanwhile waits and is coalesced, so a slow client costs memory (bounded by thinning),
 * never time on the trainer's or another client's thread.
 */
final class LiveClient {
    /** Where frames go: Jetty's session in the server, anything in tests. */
    interface Sink {
        /** Sends one text frame (UTF-8; the buffer is not touched again by the caller). */
        void send(ByteBuffer text, Runnable done, Consumer<Throwable> failed);

        boolean isOpen();

        void close();
    }

    static final int POINT_CAP = 20_000;
    static final int MESSAGE_CAP = 10_000;
    /**
     * Points of this interval travel together instead of one frame each (per-frame cost, not bytes,
     * limits fan-out to many clients). Only a batch that may still grow waits for it: a control
     * message, or a batch something already queues behind, leaves as soon as nothing is in flight.
     */
    static final long MIN_INTERVAL_NANOS = 10_000_000L;
    private final String id;
    private final Sink sink;
    private final Runnable wake;
    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private final Outbox outbox = new Outbox(POINT_CAP, MESSAGE_CAP);
    private final AtomicLong framesSent = new AtomicLong();
    private boolean inFlight;
    private long lastSend = Long.MIN_VALUE / 2;
    private volatile boolean closed;

    LiveClient(String id, Sink sink, Runnable wake) {
        this.id = id;
        this.sink = sink;
        this.wake = wake;
    }

    String id() {
        return id;
    }

    Set<String> topics() {
        return topics;
    }

    boolean wants(String topic) {
        return topics.contains(topic);
    }

    synchronized void offer(Point p) {
        if (!closed) {
            outbox.add(p);
        }
    }

    /** Queues a control message (a JSON object, UTF-8). */
    synchronized void offer(byte[] message) {
        if (!closed) {
            outbox.add(message);
        }
    }

    void offer(String message) {
        offer(Outbox.bytes(message));
    }

    /**
     * Sends the next waiting frame unless one is in flight, or it is a batch that may still grow
     * and the last frame left less than {@link #MIN_INTERVAL_NANOS} ago. Called on the hub's thread.
     *
     * @return when to call again (nanoTime) if data waits for the interval, else 0
     */
    long pump(long now) {
        byte[] frame;
        synchronized (this) {
            if (inFlight || closed || outbox.isEmpty()) {
                return 0;
            }
            if (now - lastSend < MIN_INTERVAL_NANOS && !outbox.headComplete()) {
                return lastSend + MIN_INTERVAL_NANOS;
            }
            frame = outbox.next();
            inFlight = true;
            lastSend = now;
        }
        try {
            sink.send(ByteBuffer.wrap(frame), this::sent, this::failed);
        } catch (RuntimeException e) {
            failed(e);
        }
        return 0;
    }

    private void sent() {
        framesSent.incrementAndGet();
        synchronized (this) {
            inFlight = false;
        }
        wake.run();
    }

    private void failed(Throwable t) {
        synchronized (this) {
            inFlight = false;
            closed = true;
        }
        wake.run();
    }

    boolean closed() {
        return closed || !sink.isOpen();
    }

    void close() {
        closed = true;
        sink.close();
    }

    /** Points waiting for this client. */
    synchronized int backlog() {
        return outbox.points();
    }

    /** How often this client's backlog had to be thinned. */
    synchronized long thinnings() {
        return outbox.thinnings();
    }

    long framesSent() {
        return framesSent.get();
    }
}
