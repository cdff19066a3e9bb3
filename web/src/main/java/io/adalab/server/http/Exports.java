package io.adalab.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.adalab.core.store.RunRecord;
import io.adalab.core.store.RunStore;
import io.adalab.core.store.SeriesData;
import io.adalab.core.store.SeriesReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every recorded point of one or more runs as CSV (one row per step, one column per series) or
 * JSON (per run: details, epoch metrics, series as step/value arrays). Streams window by window
 * of steps, so a long run costs bounded memory.
 */
final class Exports {
    private static final long WINDOW = 50_000;
    private final RunStore store;
    private final SeriesReader reader;

    Exports(RunStore store, SeriesReader reader) {
        this.store = store;
        this.reader = reader;
    }

    private List<String> names(RunRecord r) {
        List<String> n = r.series().isEmpty() ? reader.names(r.id()) : r.series();
        List<String> out = new ArrayList<>(n);
        out.remove(SeriesReader.WALL);
        return out;
    }

    private long lastStep(long runId) {
        SeriesData d = reader.read(runId, SeriesReader.WALL, Long.MIN_VALUE, Long.MAX_VALUE, 1);
        return d.size() == 0 ? 0 : d.steps()[d.size() - 1];
    }

    void csv(List<RunRecord> runs, Writer w) throws IOException {
        Set<String> all = new LinkedHashSet<>();
        runs.forEach(r -> all.addAll(names(r)));
        List<String> cols = List.copyOf(all);
        w.write("run_id,experiment_id,label,optimizer,seed,step,epoch,wall_time");
        for (String c : cols) {
            w.write(',');
            w.write(csvText(c));
        }
        w.write('\n');
        for (RunRecord r : runs) {
            long[] epochEnds = epochEnds(r.id());
            String prefix = r.id() + "," + r.experimentId() + "," + csvText(r.label()) + "," + csvText(r.optimizer()) + "," + r.seed() + ",";
            long last = lastStep(r.id());
            for (long from = 0; from <= last; from += WINDOW) {
                long to = from + WINDOW - 1;
                SeriesData wall = reader.read(r.id(), SeriesReader.WALL, from, to, Integer.MAX_VALUE);
                SeriesData[] cs = new SeriesData[cols.size()];
                int[] at = new int[cols.size()];
                List<String> own = names(r);
                for (int k = 0; k < cs.length; k++) {
                    cs[k] = own.contains(cols.get(k)) ? reader.read(r.id(), cols.get(k), from, to, Integer.MAX_VALUE) : null;
                }
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < wall.size(); i++) {
                    long step = wall.steps()[i];
                    b.setLength(0);
                    b.append(prefix).append(step).append(',').append(epochOf(epochEnds, step)).append(',');
                    num(b, wall.last()[i]);
                    for (int k = 0; k < cs.length; k++) {
                        b.append(',');
                        SeriesData d = cs[k];
                        if (d == null) {
                            continue;
                        }
                        while (at[k] < d.size() && d.steps()[at[k]] < step) {
                            at[k]++;
                        }
                        if (at[k] < d.size() && d.steps()[at[k]] == step) {
                            num(b, d.last()[at[k]]);
                        }
                    }
                    b.append('\n');
                    w.append(b);
                }
            }
        }
        w.flush();
    }

    void json(Map<String, Object> header, List<RunRecord> runs, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (header != null) {
            g.writeObjectField("experiment", header);
        }
        g.writeArrayFieldStart("runs");
        for (RunRecord r : runs) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : r.details().entrySet()) {
                g.writeObjectField(e.getKey(), e.getValue());
            }
            g.writeObjectField("epochs", store.epochMetrics(r.id()));
            g.writeObjectFieldStart("series");
            long last = lastStep(r.id());
            List<String> names = new ArrayList<>(names(r));
            names.add(SeriesReader.WALL);
            for (String name : names) {
                g.writeObjectFieldStart(name);
                List<SeriesData> parts = new ArrayList<>();
                for (long first = 0; first <= last; first += WINDOW) {
                    parts.add(reader.read(r.id(), name, first, first + WINDOW - 1, Integer.MAX_VALUE));
                }
                g.writeArrayFieldStart("steps");
                for (SeriesData d : parts) {
                    for (long s : d.steps()) {
                        g.writeNumber(s);
                    }
                }
                g.writeEndArray();
                g.writeArrayFieldStart("values");
                for (SeriesData d : parts) {
                    for (double v : d.last()) {
                        if (Double.isFinite(v)) {
                            g.writeNumber(v);
                        } else {
                            g.writeNull();
                        }
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
    }

    /** Last step of each epoch, in epoch order. */
    private long[] epochEnds(long runId) {
        return store.epochMetrics(runId).values().stream().mapToLong(m -> m.getOrDefault("step", 0.0).longValue()).toArray();
    }

    /** The epoch a step belongs to: the first epoch whose last step is at or after it. */
    static int epochOf(long[] ends, long step) {
        int lo = 0;
        int hi = ends.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] < step) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static String csvText(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static void num(StringBuilder b, double v) {
        if (Double.isFinite(v)) {
            b.append(v);
        }
    }

    /** Opens a writer for CSV on a stream. */
    static Writer writer(OutputStream out) {
        return new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8), 1 << 16);
    }
}
