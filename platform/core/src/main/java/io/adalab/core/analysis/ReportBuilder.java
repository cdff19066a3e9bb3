package io.adalab.core.analysis;

import io.adalab.core.events.RunStatus;
import io.adalab.core.store.RunRecord;
import io.adalab.core.store.RunStore;
import io.adalab.core.store.SeriesData;
import io.adalab.core.store.SeriesReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Builds a {@link Report} from stored runs. */
public final class ReportBuilder {
    private static final int CURVE_POINTS = 400;
    private final RunStore store;
    private final SeriesReader series;

    public ReportBuilder(RunStore store, SeriesReader series) {
        this.store = store;
        this.series = series;
    }

    /**
     * @param experimentIds the problems
     * @param metric        final metric to rank by; null picks {@code test_loss} for datasets, {@code final_loss} for problems
     * @param tolerance     τ of the convergence test, in (0, 1)
     */
    public Report build(List<Long> experimentIds, String metric, double tolerance) {
        List<Report.Problem> problems = new ArrayList<>();
        String chosen = metric;
        for (long id : experimentIds) {
            List<RunRecord> runs = store.runs(new RunStore.RunFilter(id, null, null, null, null));
            if (runs.isEmpty()) {
                throw new IllegalArgumentException("experiment " + id + " has no runs");
            }
            if (chosen == null) {
                chosen = runs.get(0).spec().containsKey("problem") ? "final_loss" : "test_loss";
            }
            problems.add(problem(id, runs, chosen, tolerance));
        }
        return new Report(chosen, tolerance, problems, profile(problems));
    }

    private Report.Problem problem(long id, List<RunRecord> runs, String metric, double tol) {
        Map<Integer, List<RunRecord>> byConfig = new TreeMap<>();
        Map<Long, SeriesData> loss = new LinkedHashMap<>();
        double best = Double.POSITIVE_INFINITY;
        double initial = Double.NaN;
        for (RunRecord r : runs) {
            byConfig.computeIfAbsent(((Number) r.spec().getOrDefault("config_index", r.index())).intValue(), k -> new ArrayList<>()).add(r);
            SeriesData d = series.readAll(r.id(), "loss");
            loss.put(r.id(), d);
            for (double v : d.last()) {
                best = Math.min(best, v);
            }
            if (d.size() > 0 && Double.isNaN(initial)) {
                initial = d.last()[0];
            }
        }
        double target = best + tol * (initial - best);
        List<Report.Config> configs = new ArrayList<>();
        for (List<RunRecord> rs : byConfig.values()) {
            configs.add(config(rs, loss, metric, target));
        }
        Map<String, Report.Config> bestPer = new TreeMap<>();
        for (Report.Config c : configs) {
            Report.Config cur = bestPer.get(c.optimizer());
            if (cur == null || better(c, cur)) {
                bestPer.put(c.optimizer(), c);
            }
        }
        return new Report.Problem(id, runs.get(0).experiment(), target, configs, bestPer);
    }

    private static boolean better(Report.Config a, Report.Config b) {
        double x = Double.isNaN(a.finalMean()) ? Double.POSITIVE_INFINITY : a.finalMean();
        double y = Double.isNaN(b.finalMean()) ? Double.POSITIVE_INFINITY : b.finalMean();
        return x < y || x == y && a.stepsToTarget() < b.stepsToTarget();
    }

    private Report.Config config(List<RunRecord> rs, Map<Long, SeriesData> loss, String metric, double target) {
        RunRecord first = rs.get(0);
        double lr = first.hyperparameters().get("lr") instanceof Number n ? n.doubleValue() : Double.NaN;
        List<Double> finals = new ArrayList<>();
        double steps = 0;
        double secs = 0;
        int finished = 0;
        for (RunRecord r : rs) {
            boolean ok = r.status() == RunStatus.FINISHED;
            finished += ok ? 1 : 0;
            Object v = r.finalMetrics().get(metric);
            finals.add(ok && v instanceof Number n ? n.doubleValue() : Double.POSITIVE_INFINITY);
            SeriesData d = loss.get(r.id());
            long hit = -1;
            for (int i = 0; i < d.size(); i++) {
                if (d.last()[i] <= target) {
                    hit = d.steps()[i];
                    break;
                }
            }
            if (hit < 0) {
                steps = Double.POSITIVE_INFINITY;
                secs = Double.POSITIVE_INFINITY;
            } else {
                steps += hit / (double) rs.size();
                secs += wallAt(r.id(), hit) / rs.size();
            }
        }
        double mean = finals.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double sd = 0;
        if (Double.isFinite(mean) && finals.size() > 1) {
            sd = Math.sqrt(finals.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (finals.size() - 1));
        }
        return new Report.Config(first.label(), first.optimizer(), lr, rs.size(), finished,
            Double.isFinite(mean) ? mean : Double.NaN, Double.isFinite(mean) ? sd : Double.NaN, steps, secs, meanCurve(rs, loss));
    }

    private double wallAt(long runId, long step) {
        SeriesData w = series.read(runId, SeriesReader.WALL, step, step, 1);
        return w.size() == 0 ? Double.NaN : w.last()[0];
    }

    /** Mean of the seeds' loss curves on the first seed's steps, thinned to about CURVE_POINTS points. */
    private static double[][] meanCurve(List<RunRecord> rs, Map<Long, SeriesData> loss) {
        SeriesData base = loss.get(rs.get(0).id());
        int n = base.size();
        int stride = Math.max(1, n / CURVE_POINTS);
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < n; i += stride) {
            long step = base.steps()[i];
            double sum = 0;
            int k = 0;
            for (RunRecord r : rs) {
                SeriesData d = loss.get(r.id());
                int j = Arrays.binarySearch(d.steps(), step);
                if (j >= 0) {
                    sum += d.last()[j];
                    k++;
                }
            }
            pts.add(new double[] {step, sum / k});
        }
        double[][] out = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            out[0][i] = pts.get(i)[0];
            out[1][i] = pts.get(i)[1];
        }
        return out;
    }

    /**
     * Dolan–Moré performance profile on steps to target: for each optimizer (its best configuration
     * per problem), ρ(τ) = fraction of problems where its time ≤ τ x the best optimizer's time.
     */
    static Map<String, List<double[]>> profile(List<Report.Problem> problems) {
        TreeSet<String> optimizers = new TreeSet<>();
        problems.forEach(p -> optimizers.addAll(p.bestPerOptimizer().keySet()));
        List<Map<String, Double>> ratios = new ArrayList<>();
        TreeSet<Double> taus = new TreeSet<>(List.of(1.0));
        for (Report.Problem p : problems) {
            Map<String, Double> t = new LinkedHashMap<>();
            for (String o : optimizers) {
                Report.Config c = fastest(p, o);
                t.put(o, c == null ? Double.POSITIVE_INFINITY : c.stepsToTarget());
            }
            double min = t.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.POSITIVE_INFINITY);
            Map<String, Double> r = new LinkedHashMap<>();
            t.forEach((o, v) -> r.put(o, Double.isFinite(v) && min > 0 ? v / min : Double.isFinite(v) ? 1.0 : Double.POSITIVE_INFINITY));
            r.values().stream().filter(Double::isFinite).forEach(taus::add);
            ratios.add(r);
        }
        Map<String, List<double[]>> out = new TreeMap<>();
        for (String o : optimizers) {
            List<double[]> pts = new ArrayList<>();
            for (double tau : taus) {
                long solved = ratios.stream().filter(r -> r.get(o) <= tau).count();
                pts.add(new double[] {tau, problems.isEmpty() ? 0 : solved / (double) problems.size()});
            }
            out.put(o, pts);
        }
        return out;
    }

    /** The configuration of optimizer {@code o} that reaches the target in the fewest steps. */
    private static Report.Config fastest(Report.Problem p, String o) {
        Report.Config best = null;
        for (Report.Config c : p.configs()) {
            if (c.optimizer().equals(o) && (best == null || c.stepsToTarget() < best.stepsToTarget())) {
                best = c;
            }
        }
        return best;
    }
}
