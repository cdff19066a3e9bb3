package io.adalab.testkit.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adalab.api.Buffers;
import io.adalab.api.HyperparameterException;
import io.adalab.api.Hyperparameters;
import io.adalab.api.LearningRateSchedule;
import io.adalab.api.Optimizer;
import io.adalab.api.ParameterGroup;
import io.adalab.api.ScheduleRule;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;
import io.adalab.testkit.SimpleStepContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** One replay of one case file; see {@link ReferenceReplay} for the rules. */
final class CaseRun {
    private static final double DEFAULT_TOL = 1e-10;
    private static final Map<String, String> SCHEDULE_IDS = Map.of(
        "steplr", "step", "exponentiallr", "exponential", "cosineannealinglr", "cosine",
        "onecyclelr", "one_cycle", "reducelronplateau", "plateau");

    private final Path file;
    private final String caseName;
    private final JsonNode root;
    private final Function<String, Optional<Optimizer>> optimizers;
    private final Function<String, Optional<LearningRateSchedule>> schedules;
    private final ObjectMapper mapper;
    private int steps;

    CaseRun(Path file, String caseName, JsonNode root, Function<String, Optional<Optimizer>> optimizers,
            Function<String, Optional<LearningRateSchedule>> schedules, ObjectMapper mapper) {
        this.file = file;
        this.caseName = caseName;
        this.root = root;
        this.optimizers = optimizers;
        this.schedules = schedules;
        this.mapper = mapper;
    }

    /** Thrown during set-up when something the case needs is not available here. */
    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message);
        }
    }

    ReplayResult run() {
        steps = root.path("steps").asInt(0);
        try {
            return replay();
        } catch (Unsupported e) {
            return result(ReplayResult.Status.UNSUPPORTED, Map.of(), Map.of(), e.getMessage());
        } catch (IOException e) {
            return result(ReplayResult.Status.FAIL, Map.of(), Map.of(), e.getMessage());
        } catch (RuntimeException e) {
            return result(ReplayResult.Status.FAIL, Map.of(), Map.of(), "replay failed: " + e);
        }
    }

    private ReplayResult result(ReplayResult.Status status, Map<String, Double> err, Map<String, Double> tol, String msg) {
        return new ReplayResult(file.toString(), caseName, status, err, tol, steps, msg);
    }

    private ReplayResult replay() throws Unsupported, IOException {
        JsonNode trajectory = root.path("trajectory");
        if (!trajectory.isArray() || steps < 1) {
            throw new IllegalArgumentException("the file has no trajectory or no steps");
        }
        ReferenceProblem problem;
        try {
            problem = ReferenceProblem.of(root.path("problem"), file, mapper);
        } catch (UnsupportedOperationException e) {
            throw new Unsupported(e.getMessage());
        }
        double[] x0 = ReferenceProblem.doubles(root.path("initial_params"));
        if (x0.length != problem.dimension()) {
            throw new IllegalArgumentException("initial_params has " + x0.length + " values, the problem "
                + problem.dimension());
        }
        JsonNode optimizerNode = root.path("optimizer");
        String optimizerId = optimizerNode.path("name").asText();
        Optimizer optimizer = optimizers.apply(optimizerId)
            .orElseThrow(() -> new Unsupported("no optimizer '" + optimizerId + "' installed"));
        Hyperparameters hp;
        UpdateRule rule;
        try {
            hp = optimizer.schema().resolve(JsonValues.optimizerHyperparameters(optimizerNode), new Resolver(optimizers));
            rule = optimizer.create(hp);
        } catch (HyperparameterException e) {
            throw new Unsupported(optimizerId + " does not accept this configuration: " + e.getMessage());
        }
        double baseLr = optimizer.schema().has("lr") && hp.has("lr") ? hp.real("lr") : 1.0;
        ScheduleRule schedule = schedule(optimizer, hp, baseLr);
        Map<String, Double> tolerance = tolerances();

        JsonNode[] entries = new JsonNode[steps + 1];
        for (JsonNode e : trajectory) {
            int k = e.path("step").asInt(-1);
            if (k >= 0 && k <= steps) {
                entries[k] = e;
            }
        }
        Vec params = Vec.of(x0.clone());
        double[] p = ((Vec.F64) params).array();
        Vec grad = Vec.zeros(params.dtype(), p.length);
        double[] g = ((Vec.F64) grad).array();
        Buffers buffers = Buffers.allocate(rule, params, grad, List.of(ParameterGroup.of("params", 0, p.length)));
        rule.initialize(buffers);
        Vec eval = Vec.zeros(params.dtype(), p.length);
        double[] scratch = new double[p.length];
        ErrorTracker errors = new ErrorTracker();
        compareParams(errors, entries[0], 0, p, problem.lossAndGradient(p, scratch), rule, buffers, eval, problem, scratch);
        SimpleStepContext ctx = new SimpleStepContext(baseLr, 0);
        for (int k = 1; k <= steps; k++) {
            double loss = problem.lossAndGradient(p, g);
            JsonNode e = entries[k];
            if (e != null && e.has("grad")) {
                errors.compare("grad", k, g, ReferenceProblem.doubles(e.get("grad")));
            }
            if (e != null && e.has("grad_norm")) {
                errors.compare("grad_norm", k, -1, grad.norm(), e.get("grad_norm").asDouble());
            }
            double lr = schedule == null ? baseLr : schedule.learningRate(k - 1);
            Map<String, Double> driven = schedule == null ? Map.of() : schedule.driven(k - 1);
            ctx.withStep(k).withEpoch(k - 1).withLearningRate(lr).withLoss(loss).withScheduled(driven);
            rule.step(buffers, ctx);
            if (schedule != null) {
                schedule.observe(k - 1, loss);
            }
            if (e != null) {
                if (e.has("lr")) {
                    errors.compare("lr", k, -1, lr, e.get("lr").asDouble());
                }
                if (e.has("beta1")) {
                    double configured = hp.has("beta1") ? hp.real("beta1") : Double.NaN;
                    errors.compare("beta1", k, -1, ctx.scheduled("beta1", configured), e.get("beta1").asDouble());
                }
                double after = e.has("loss") ? problem.lossAndGradient(p, scratch) : Double.NaN;
                compareParams(errors, e, k, p, after, rule, buffers, eval, problem, scratch);
            }
        }
        Map<String, Double> tol = new LinkedHashMap<>();
        errors.maxError().keySet().forEach(q -> tol.put(q, tolerance.getOrDefault(q, DEFAULT_TOL)));
        String failures = errors.failures(tol);
        if (!failures.isEmpty()) {
            return result(ReplayResult.Status.FAIL, errors.maxError(), tol, failures);
        }
        StringBuilder summary = new StringBuilder(steps + " steps within tolerance; worst");
        errors.maxError().forEach((q, v) -> summary.append(String.format(Locale.ROOT, " %s %.2g", q, v)));
        return result(ReplayResult.Status.PASS, errors.maxError(), tol, summary.toString());
    }

    private static void compareParams(ErrorTracker errors, JsonNode e, int k, double[] p, double loss, UpdateRule rule,
                                      Buffers buffers, Vec eval, ReferenceProblem problem, double[] scratch) {
        if (e == null) {
            return;
        }
        if (e.has("loss")) {
            errors.compare("loss", k, -1, loss, e.get("loss").asDouble());
        }
        if (e.has("params")) {
            errors.compare("params", k, p, ReferenceProblem.doubles(e.get("params")));
        }
        if (e.has("eval_params") || e.has("eval_loss")) {
            rule.evaluationPoint(buffers, eval);
            double[] x = ((Vec.F64) eval).array();
            if (e.has("eval_params")) {
                errors.compare("eval_params", k, x, ReferenceProblem.doubles(e.get("eval_params")));
            }
            if (e.has("eval_loss")) {
                errors.compare("eval_loss", k, -1, problem.lossAndGradient(x, scratch), e.get("eval_loss").asDouble());
            }
        }
    }

    private ScheduleRule schedule(Optimizer optimizer, Hyperparameters hp, double baseLr) throws Unsupported {
        JsonNode node = root.path("scheduler");
        if (!node.isObject()) {
            return null;
        }
        String torchName = node.path("name").asText();
        String id = SCHEDULE_IDS.getOrDefault(torchName, torchName);
        LearningRateSchedule schedule = schedules.apply(id)
            .orElseThrow(() -> new Unsupported("no schedule '" + id + "' installed (torch " + torchName + ")"));
        Map<String, Double> base = new LinkedHashMap<>();
        optimizer.schema().entries().forEach(h -> {
            if (h.type() == io.adalab.api.HyperparameterType.REAL && hp.has(h.name())) {
                base.put(h.name(), hp.real(h.name()));
            }
        });
        try {
            Hyperparameters sh = schedule.schema().resolve(JsonValues.hyperparameters(node.path("hyperparameters")));
            return schedule.create(sh, new io.adalab.api.ScheduleSetup(baseLr, steps, 1, base));
        } catch (HyperparameterException e) {
            throw new Unsupported("schedule " + id + " does not accept this configuration: " + e.getMessage());
        }
    }

    private Map<String, Double> tolerances() {
        Map<String, Double> out = new LinkedHashMap<>();
        JsonNode node = root.path("tolerance").path("float64").path("recommended_tol");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNumber()) {
                out.put(e.getKey(), e.getValue().asDouble());
            }
        }
        return out;
    }
}
