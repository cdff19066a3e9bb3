package io.adalab.core.metrics;

import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Statistic;
import io.micrometer.core.instrument.Tag;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The numbers of the dashboard's health panel, read from the same Micrometer registry that
 * {@code /metrics} exposes, so the browser and Prometheus never disagree.
 *
 * <p>Keys are Micrometer meter names, with the memory area or the run status appended with a dot,
 * and values are summed over the other tags: {@code adalab.runs.finished},
 * {@code adalab.runs.running}, {@code adalab.store.queue.depth}, {@code adalab.steps} (all runs),
 * {@code jvm.memory.used.heap}, {@code process.cpu.usage}, {@code http.server.requests} (count) ...
 * Per-run gauges are left out: the dashboard has them per run already. Timers contribute their count.
 *
 * @param at     when it was read
 * @param values the numbers (NaN where a gauge has no value)
 */
public record HealthSnapshot(Instant at, Map<String, Double> values) {
    private static final Set<String> PREFIXES = Set.of("adalab.", "jvm.memory.", "jvm.threads.live", "jvm.gc.pause",
        "process.", "system.cpu.", "http.server.requests", "jetty.");

    public HealthSnapshot {
        values = Map.copyOf(values);
    }

    /** Reads the Adalab, JVM, process, Jetty and HTTP meters of {@code r}. */
    public static HealthSnapshot of(MeterRegistry r) {
        Map<String, Double> out = new TreeMap<>();
        for (Meter m : r.getMeters()) {
            Meter.Id id = m.getId();
            if (!included(id.getName())) {
                continue;
            }
            boolean perRun = id.getTag(MeterNames.RUN) != null;
            if (perRun && !isCount(m)) {
                continue;
            }
            Double v = primary(m);
            if (v == null) {
                continue;
            }
            out.merge(key(id), v, Double::sum);
        }
        return new HealthSnapshot(Instant.now(), out);
    }

    private static boolean included(String name) {
        for (String p : PREFIXES) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCount(Meter m) {
        return m.getId().getType() == Meter.Type.COUNTER;
    }

    /** VALUE for gauges, COUNT for counters and timers. */
    private static Double primary(Meter m) {
        Double count = null;
        for (Measurement x : m.measure()) {
            if (x.getStatistic() == Statistic.VALUE) {
                return x.getValue();
            }
            if (x.getStatistic() == Statistic.COUNT && count == null) {
                count = x.getValue();
            }
        }
        return count;
    }

    /** The name, plus the values of the tags worth telling apart on a panel (memory area, run status). */
    private static String key(Meter.Id id) {
        StringBuilder b = new StringBuilder(id.getName());
        for (Tag t : id.getTagsAsIterable()) {
            if (t.getKey().equals("area") || t.getKey().equals(MeterNames.STATUS) && id.getName().equals(MeterNames.RUNS)) {
                b.append('.').append(t.getValue());
            }
        }
        return b.toString();
    }
}
