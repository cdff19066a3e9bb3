package io.adalab.server.live;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What waits to be sent to one client, in order: control messages (status, epoch, ...) and runs of
 * step points between them, which are sent as one {@code steps} batch. When more than
 * {@code pointCap} points wait (a slow or stalled client), every run's waiting points are thinned
 * to every other point, always keeping each run's newest, and the batch is marked
 * {@code thinned}. Frames are assembled from the points' UTF-8 bytes, rendered once per step and
 * shared by every client, with one allocation and one copy per frame. Not thread-safe:
 * {@link LiveClient} guards it.
 */
final class Outbox {
    private static final byte[] STEP = bytes("{\"type\":\"step\",");
    private static final byte[] STEPS = bytes("{\"type\":\"steps\",\"thinned\":false,\"points\":[");
    private static final byte[] STEPS_THINNED = bytes("{\"type\":\"steps\",\"thinned\":true,\"points\":[");
    private static final byte[] END = bytes("]}");
    private final int pointCap;
    private final int messageCap;
    private final ArrayDeque<Object> entries = new ArrayDeque<>();
    private int points;
    private int messages;
    private long thinnings;

    /** A run of consecutive points. */
    private static final class Batch {
        final List<Point> points = new ArrayList<>();
        boolean thinned;
    }

    Outbox(int pointCap, int messageCap) {
        this.pointCap = pointCap;
        this.messageCap = messageCap;
    }

    void add(Point p) {
        Object tail = entries.peekLast();
        Batch b;
        if (tail instanceof Batch t) {
            b = t;
        } else {
            b = new Batch();
            entries.addLast(b);
        }
        b.points.add(p);
        if (++points > pointCap) {
            thin();
        }
    }

    /** A control message (JSON object as UTF-8), sent as its own frame. */
    void add(byte[] message) {
        entries.addLast(message);
        if (++messages > messageCap) {
            // Keep the stream going: a client this far behind loses the oldest message.
            for (Iterator<Object> it = entries.iterator(); it.hasNext(); ) {
                if (it.next() instanceof byte[]) {
                    it.remove();
                    messages--;
                    break;
                }
            }
        }
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Whether the next frame is final: a control message, or a batch that something already waits
     * behind. Only a batch that may still grow is worth holding back to coalesce.
     */
    boolean headComplete() {
        return entries.size() > 1 || entries.peekFirst() instanceof byte[];
    }

    int points() {
        return points;
    }

    long thinnings() {
        return thinnings;
    }

    /** The next frame to send (a JSON object as UTF-8), or null. */
    byte[] next() {
        Object e = entries.pollFirst();
        if (e == null) {
            return null;
        }
        if (e instanceof byte[] m) {
            messages--;
            return m;
        }
        Batch b = (Batch) e;
        points -= b.points.size();
        return render(b);
    }

    private static byte[] render(Batch b) {
        List<Point> ps = b.points;
        if (ps.size() == 1 && !b.thinned) {
            // {"run":...} becomes {"type":"step","run":...}
            byte[] p = ps.get(0).json();
            byte[] out = new byte[STEP.length + p.length - 1];
            System.arraycopy(STEP, 0, out, 0, STEP.length);
            System.arraycopy(p, 1, out, STEP.length, p.length - 1);
            return out;
        }
        byte[] head = b.thinned ? STEPS_THINNED : STEPS;
        int size = head.length + END.length + ps.size() - 1;
        for (Point p : ps) {
            size += p.json().length;
        }
        byte[] out = new byte[size];
        System.arraycopy(head, 0, out, 0, head.length);
        int at = head.length;
        for (int i = 0; i < ps.size(); i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            byte[] p = ps.get(i).json();
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        System.arraycopy(END, 0, out, at, END.length);
        return out;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Drops every other waiting point of each run, keeping the newest of each run. */
    private void thin() {
        thinnings++;
        Map<Long, Integer> remaining = new HashMap<>();
        for (Object e : entries) {
            if (e instanceof Batch b) {
                for (Point p : b.points) {
                    remaining.merge(p.run(), 1, Integer::sum);
                }
            }
        }
        Map<Long, Integer> seen = new HashMap<>();
        int kept = 0;
        for (Object e : entries) {
            if (e instanceof Batch b) {
                List<Point> keep = new ArrayList<>(b.points.size() / 2 + 1);
                for (Point p : b.points) {
                    int i = seen.merge(p.run(), 1, Integer::sum);
                    int total = remaining.get(p.run());
                    if ((total - i) % 2 == 0) {
                        keep.add(p);
                    }
                }
                b.points.clear();
                b.points.addAll(keep);
                b.thinned = true;
                kept += keep.size();
            }
        }
        entries.removeIf(e -> e instanceof Batch b && b.points.isEmpty());
        points = kept;
    }
}
