package io.adalab.server.http;

import io.adalab.core.events.RunStatus;
import io.adalab.core.store.RunRecord;
import io.adalab.server.live.LiveHub;
import io.adalab.server.live.RunLive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs and experiments as the API shows them: the stored record overlaid with what the live hub
 * knows now (status, step, loss), a progress fraction, and the experiment's best run by its
 * primary metric (lower is better).
 */
final class RunViews {
    /** Final metrics tried in order for ranking: the first any run has wins. */
    static final List<String> PRIMARY = List.of("test_loss", "final_loss", "train_loss", "last_step_loss");
    private final LiveHub hub;

    RunViews(LiveHub hub) {
        this.hub = hub;
    }

    /** Status now: the hub's if it has seen the run (the store lags by up to a second). */
    String status(RunRecord r) {
        Optional<RunLive> l = hub.live(r.id());
        return l.map(RunLive::status).filter(s -> !s.equals(RunStatus.QUEUED.name()) || r.status() == RunStatus.QUEUED)
            .orElse(r.status().name());
    }

    Map<String, Object> summary(RunRecord r) {
        Map<String, Object> m = r.summary();
        Optional<RunLive> live = hub.live(r.id());
        String status = status(r);
        m.put("status", status);
        m.put("config_index", r.spec().get("config_index"));
        m.put("series", r.series().isEmpty() ? live.map(l -> l.series()).orElse(List.of()) : r.series());
        m.put("epochs_planned", r.spec().get("training") instanceof Map<?, ?> t && t.get("epochs") instanceof Number n
            ? n.intValue() : 0);
        long total = live.map(RunLive::totalSteps).filter(t -> t > 0).orElse(plannedSteps(r));
        long step = r.status().terminal() && r.steps() != null ? r.steps() : live.map(RunLive::step).orElse(0L);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("step", step);
        p.put("total_steps", total > 0 ? total : null);
        boolean ended = RunStatus.valueOf(status).terminal();
        p.put("fraction", ended ? 1.0 : total > 0 ? Math.min(1.0, step / (double) total) : null);
        p.put("loss", live.map(RunLive::loss).filter(Double::isFinite).orElse(null));
        p.put("wall_seconds", live.map(RunLive::wallSeconds).orElse(null));
        m.put("progress", p);
        return m;
    }

    /** The primary metric of a group of runs. */
    static String primaryMetric(List<RunRecord> runs) {
        for (String k : PRIMARY) {
            for (RunRecord r : runs) {
                if (r.finalMetrics().get(k) instanceof Number) {
                    return k;
                }
            }
        }
        return "loss";
    }

    /** A run's value of {@code metric}: final if ended, the live loss while training. */
    Double value(RunRecord r, String metric) {
        Object v = r.finalMetrics().get(metric);
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        if (!r.status().terminal()) {
            return hub.live(r.id()).map(RunLive::loss).filter(Double::isFinite).orElse(null);
        }
        return null;
    }

    /** An experiment row: counts by status, overall status and progress, best run so far. */
    Map<String, Object> experiment(ExperimentQueries.Row e, List<RunRecord> runs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("name", e.name());
        m.put("description", e.description() == null ? "" : e.description());
        m.put("created_at", e.createdAt() == null ? null : e.createdAt().toString());
        m.put("code_version", e.codeVersion());
        Map<String, Integer> counts = new LinkedHashMap<>();
        double progress = 0;
        List<String> problems = new ArrayList<>();
        for (RunRecord r : runs) {
            Map<String, Object> s = summary(r);
            counts.merge((String) s.get("status"), 1, Integer::sum);
            @SuppressWarnings("unchecked")
            Object f = ((Map<String, Object>) s.get("progress")).get("fraction");
            progress += f instanceof Number n ? n.doubleValue() : 0;
            String setup = setup(r);
            if (!problems.contains(setup)) {
                problems.add(setup);
            }
        }
        m.put("setup", String.join(", ", problems));
        m.put("runs", runs.size());
        m.put("counts", counts);
        m.put("status", overall(counts));
        m.put("progress", runs.isEmpty() ? 0 : progress / runs.size());
        String metric = primaryMetric(runs);
        m.put("metric", metric);
        RunRecord best = null;
        Double bestValue = null;
        for (RunRecord r : runs) {
            Double v = value(r, metric);
            if (v != null && (bestValue == null || v < bestValue)) {
                best = r;
                bestValue = v;
            }
        }
        if (best != null) {
            m.put("best", Map.of("run", best.id(), "label", best.label(), "optimizer", best.optimizer(), "value", bestValue));
        } else {
            m.put("best", null);
        }
        return m;
    }

    private static String overall(Map<String, Integer> counts) {
        if (counts.containsKey("RUNNING")) {
            return "RUNNING";
        }
        if (counts.containsKey("QUEUED")) {
            return "QUEUED";
        }
        if (counts.size() == 1 && counts.containsKey("FINISHED")) {
            return "FINISHED";
        }
        return counts.isEmpty() ? "EMPTY" : "ENDED";
    }

    /** What a run trains: the problem id, or dataset / model. */
    static String setup(RunRecord r) {
        if (r.spec().get("problem") instanceof Map<?, ?> p) {
            return String.valueOf(p.get("id"));
        }
        Object d = r.spec().get("dataset") instanceof Map<?, ?> dm ? dm.get("id") : "?";
        Object mo = r.spec().get("model") instanceof Map<?, ?> mm ? mm.get("id") : "?";
        return d + " / " + mo;
    }

    /** Steps a run is planned to take, from its spec (problems and step-capped runs only). */
    static long plannedSteps(RunRecord r) {
        if (r.spec().get("training") instanceof Map<?, ?> t && t.get("steps") instanceof Number n) {
            return n.longValue();
        }
        return 0;
    }
}
