package io.adalab.server.live;

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
 * {@code thinned}. Not thread-safe: {@link LiveClient} guards it.
 */
final class Outbox {
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

    void add(String message) {
        entries.addLast(message);
        if (++messages > messageCap) {
            // Keep the stream going: a client this far behind loses the oldest message.
            for (Iterator<Object> it = entries.iterator(); it.hasNext(); ) {
                if (it.next() instanceof String) {
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

    int points() {
        return points;
    }

    long thinnings() {
        return thinnings;
    }

    /** The next frame to send, or null. */
    String next() {
        Object e = entries.pollFirst();
        if (e == null) {
            return null;
        }
        if (e instanceof String s) {
            messages--;
            return s;
        }
        Batch b = (Batch) e;
        points -= b.points.size();
        return render(b);
    }

    private static String render(Batch b) {
        if (b.points.size() == 1 && !b.thinned) {
            String p = b.points.get(0).json();
            return "{\"type\":\"step\"," + p.substring(1);
        }
        StringBuilder s = new StringBuilder(64 + b.points.size() * 200);
        s.append("{\"type\":\"steps\",\"thinned\":").append(b.thinned).append(",\"points\":[");
        for (int i = 0; i < b.points.size(); i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(b.points.get(i).json());
        }
        return s.append("]}").toString();
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
