package io.adalab.server.http;

import io.adalab.api.DType;
import io.adalab.api.Objective;
import io.adalab.api.ObjectiveFunction;
import io.adalab.api.Vec;
import io.adalab.core.plugin.ExtensionKind;
import io.adalab.core.plugin.PluginRegistry;
import io.adalab.core.store.RunRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objective of a 2-D problem evaluated on a grid, for the contour plot behind the optimizer
 * paths. The function is rebuilt from the run's stored spec (problem id, hyperparameters, seed).
 */
final class Contour {
    private Contour() {
    }

    /** The function of a problem run, or 409 if the run is not a 2-D problem or its plugin is gone. */
    @SuppressWarnings("unchecked")
    static ObjectiveFunction function(PluginRegistry registry, RunRecord r) {
        if (!(r.spec().get("problem") instanceof Map<?, ?> p)) {
            throw ApiError.conflict("experiment " + r.experimentId() + " trains a model, not a 2-D problem");
        }
        String id = String.valueOf(p.get("id"));
        Objective o = registry.<Objective>extension(ExtensionKind.PROBLEM, id)
            .orElseThrow(() -> ApiError.conflict("problem '" + id + "' is not installed"));
        Map<String, Object> hp = p.get("hyperparameters") instanceof Map<?, ?> h ? (Map<String, Object>) h : Map.of();
        ObjectiveFunction f = o.create(o.schema().resolve(hp), r.seed());
        if (f.dimension() != 2) {
            throw ApiError.conflict("problem '" + id + "' has " + f.dimension() + " dimensions; the contour plot needs 2");
        }
        return f;
    }

    /** {@code n x n} values over the box (row-major, y outer), with the box and the start point. */
    static Map<String, Object> grid(ObjectiveFunction f, double[] box, int n) {
        Vec x = Vec.zeros(DType.FLOAT64, 2);
        Vec g = Vec.zeros(DType.FLOAT64, 2);
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = box[0] + (box[1] - box[0]) * i / (n - 1);
            ys[i] = box[2] + (box[3] - box[2]) * i / (n - 1);
        }
        double[] z = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                x.set(0, xs[i]);
                x.set(1, ys[j]);
                z[j * n + i] = f.lossAndGradient(x, g);
            }
        }
        f.initialPoint(x);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", xs);
        m.put("y", ys);
        m.put("z", z);
        m.put("start", new double[] {x.get(0), x.get(1)});
        m.put("minimum_value", f.minimumValue().orElse(null));
        return m;
    }

    /** A box around the paths (1st to 99th percentile, so one divergent step does not squash the plot), or around the start. */
    static double[] box(ObjectiveFunction f, List<IteratePath> paths) {
        List<Double> px = new ArrayList<>();
        List<Double> py = new ArrayList<>();
        for (IteratePath p : paths) {
            for (int i = 0; i < p.x().length; i++) {
                if (Double.isFinite(p.x()[i]) && Double.isFinite(p.y()[i])) {
                    px.add(p.x()[i]);
                    py.add(p.y()[i]);
                }
            }
        }
        Vec start = Vec.zeros(DType.FLOAT64, 2);
        f.initialPoint(start);
        px.add(start.get(0));
        py.add(start.get(1));
        double[] bx = range(px);
        double[] by = range(py);
        return new double[] {bx[0], bx[1], by[0], by[1]};
    }

    private static double[] range(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double lo = a.length > 50 ? a[(int) (a.length * 0.01)] : a[0];
        double hi = a.length > 50 ? a[(int) (a.length * 0.99)] : a[a.length - 1];
        double w = Math.max(hi - lo, 1.0);
        return new double[] {lo - 0.15 * w, hi + 0.15 * w};
    }

    /** Validates a user-given box {xmin, xmax, ymin, ymax}. */
    static double[] box(Double... v) {
        if (Arrays.stream(v).anyMatch(d -> d == null)) {
            return null;
        }
        if (v[0] >= v[1] || v[2] >= v[3]) {
            throw ApiError.badRequest("xmin", "the box must have xmin < xmax and ymin < ymax");
        }
        return new double[] {v[0], v[1], v[2], v[3]};
    }
}
