package io.adalab.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adalab.api.DType;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Optimizer;
import io.adalab.testkit.internal.Float32Agreement;
import io.adalab.testkit.internal.KitProblem;
import io.adalab.testkit.internal.KitRun;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The compatibility kit every {@link Optimizer} passes (STYLE.md habit 4). Framework-agnostic:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> adamPassesTheKit() {
 *     return OptimizerKit.checks(new Adam(), Map.of()).stream().map(c -> DynamicTest.dynamicTest(c.name(), c::run));
 * }
 * // or simply: OptimizerKit.verify(new Adam(), Map.of("lr", 0.01));
 * }</pre>
 *
 * <p>Every check runs on a 20-dimensional quadratic built into the kit (two parameter groups) with
 * the given hyperparameters and the learning rate from {@code lr} (1.0 if the schema has none).
 * The checks: the loss decreases in float32 and float64; the same seed gives the same trajectory
 * bit for bit; two rules from one optimizer share no state; the configuration round-trips through
 * JSON; a checkpoint (parameters, slots and scalars copied into a fresh rule) continues
 * identically; a NaN gradient shows up as NaN in the parameters or state (the platform's finite
 * check then reports it, rather than the optimizer hiding it); a zero first gradient leaves the
 * parameters unchanged unless {@code weight_decay} is positive or {@link KitOptions#movesOnZeroGradient()};
 * float32 agrees with float64: from the same float-representable start and the same fixed
 * float-representable gradients, 20 steps in each precision end with the parameter displacement and
 * every state slot within {@link KitOptions#float32Tolerance()} (1e-5) relative difference
 * ({@code max |a - b| / max |b|}), which holds float32 fast paths to the double loops.
 */
public final class OptimizerKit {
    /** Name of the float32 agreement check, for {@link #check}. */
    public static final String FLOAT32_AGREES_WITH_FLOAT64 = "float32AgreesWithFloat64";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OptimizerKit() {
    }

    /** The checks with {@link KitOptions#defaults()}. */
    public static List<KitCheck> checks(Optimizer optimizer, Map<String, ?> hyperparameters) {
        return checks(optimizer, hyperparameters, KitOptions.defaults());
    }

    /** The checks for {@code optimizer} configured with {@code hyperparameters} (resolved against its schema). */
    public static List<KitCheck> checks(Optimizer optimizer, Map<String, ?> hyperparameters, KitOptions options) {
        Hyperparameters h = optimizer.schema().resolve(hyperparameters, options.resolver());
        KitSubject s = new KitSubject(optimizer, h, options);
        List<KitCheck> out = new ArrayList<>();
        out.add(new KitCheck("lossDecreasesInFloat64", () -> decreases(s, DType.FLOAT64)));
        out.add(new KitCheck("lossDecreasesInFloat32", () -> decreases(s, DType.FLOAT32)));
        out.add(new KitCheck("sameSeedGivesSameTrajectory", () -> deterministic(s)));
        out.add(new KitCheck("rulesFromOneOptimizerShareNoState", () -> independent(s)));
        out.add(new KitCheck("configurationRoundTripsThroughJson", () -> roundTrip(s)));
        out.add(new KitCheck("checkpointRestoreContinuesIdentically", () -> checkpoint(s)));
        out.add(new KitCheck("nanGradientIsNotSilentlySwallowed", () -> nan(s)));
        if (options.float32Tolerance() != Double.POSITIVE_INFINITY) {
            out.add(new KitCheck(FLOAT32_AGREES_WITH_FLOAT64, () -> Float32Agreement.check(optimizer.create(h),
                optimizer.create(h), s.lr(), options.seed(), options.float32Tolerance())));
        }
        boolean decays = h.has("weight_decay") && optimizer.schema().get("weight_decay") != null
            && h.asMap().get("weight_decay") instanceof Number n && n.doubleValue() != 0;
        if (!options.movesOnZeroGradient() && !decays) {
            out.add(new KitCheck("zeroGradientLeavesParametersUnchanged", () -> zeroGradient(s)));
        }
        return List.copyOf(out);
    }

    /**
     * The check called {@code name} of {@link #checks(Optimizer, Map, KitOptions)}, e.g. to hold an
     * extra configuration to {@value #FLOAT32_AGREES_WITH_FLOAT64} alone.
     *
     * @throws IllegalArgumentException if these options leave out a check of that name
     */
    public static KitCheck check(String name, Optimizer optimizer, Map<String, ?> hyperparameters, KitOptions options) {
        return checks(optimizer, hyperparameters, options).stream().filter(c -> c.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no kit check '" + name + "' for " + optimizer.id()
                + " " + hyperparameters));
    }

    /** Runs every check with default options and throws one {@link AssertionError} listing all failures. */
    public static void verify(Optimizer optimizer, Map<String, ?> hyperparameters) {
        verify(optimizer, hyperparameters, KitOptions.defaults());
    }

    /** Runs every check and throws one {@link AssertionError} listing all failures. */
    public static void verify(Optimizer optimizer, Map<String, ?> hyperparameters, KitOptions options) {
        List<String> failures = new ArrayList<>();
        AssertionError first = null;
        for (KitCheck c : checks(optimizer, hyperparameters, options)) {
            try {
                c.run();
            } catch (AssertionError | RuntimeException e) {
                failures.add(c.name() + ": " + e.getMessage());
                first = first == null ? new AssertionError(e.getMessage(), e) : first;
            }
        }
        if (!failures.isEmpty()) {
            AssertionError e = new AssertionError(optimizer.id() + " fails " + failures.size() + " kit check(s):\n  "
                + String.join("\n  ", failures));
            e.addSuppressed(first);
            throw e;
        }
    }

    private static void decreases(KitSubject s, DType dtype) {
        KitRun run = s.run(dtype, 0);
        double before = run.loss();
        for (int k = 0; k < s.options().steps(); k++) {
            run.step();
        }
        double after = run.loss();
        check(Double.isFinite(after) && after < before, "%s: loss went from %s to %s in %d steps on the kit's quadratic",
            dtype, before, after, s.options().steps());
        check(run.dtype() == dtype, "parameters changed precision to %s", run.dtype());
    }

    private static void deterministic(KitSubject s) {
        KitRun a = s.run(DType.FLOAT64, 0);
        KitRun b = s.run(DType.FLOAT64, 0);
        for (int k = 1; k <= s.options().steps(); k++) {
            a.step();
            b.step();
            check(Arrays.equals(a.state(), b.state()), "two runs with the same seed differ after step %d", k);
        }
    }

    private static void independent(KitSubject s) {
        KitRun aloneA = s.run(DType.FLOAT64, 0);
        KitRun aloneB = s.run(DType.FLOAT64, 1);
        int n = s.options().steps();
        for (int k = 0; k < n; k++) {
            aloneA.step();
        }
        for (int k = 0; k < n; k++) {
            aloneB.step();
        }
        KitRun a = s.run(DType.FLOAT64, 0);
        KitRun b = s.run(DType.FLOAT64, 1);
        for (int k = 0; k < n; k++) {
            a.step();
            b.step();
        }
        check(Arrays.equals(a.state(), aloneA.state()) && Arrays.equals(b.state(), aloneB.state()),
            "two rules stepped in turn end elsewhere than the same rules run one after the other: they share state");
    }

    private static void roundTrip(KitSubject s) {
        Hyperparameters h = s.hyperparameters();
        String json;
        Map<?, ?> back;
        try {
            json = JSON.writeValueAsString(h.asMap());
            back = JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("configuration " + h + " does not serialise to JSON: " + e.getMessage(), e);
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> values = (Map<String, ?>) back;
        Hyperparameters again = s.optimizer().schema().resolve(values, s.options().resolver());
        check(again.equals(h), "configuration changed in a JSON round trip: %s became %s (JSON %s)", h, again, json);
        check(h.asMap().keySet().containsAll(s.optimizer().schema().entries().stream()
                .filter(e -> e.defaultValue() != null).map(e -> e.name()).toList()),
            "resolved configuration %s lacks a defaulted entry of the schema", h.asMap().keySet());
        KitRun a = s.run(DType.FLOAT64, 0);
        KitRun b = KitRun.start(s.optimizer().create(again), DType.FLOAT64, 0, s.lr(), s.options().seed());
        for (int k = 0; k < s.options().steps(); k++) {
            a.step();
            b.step();
        }
        check(Arrays.equals(a.state(), b.state()), "a rule from the round-tripped configuration behaves differently");
    }

    private static void checkpoint(KitSubject s) {
        int n = s.options().steps();
        KitRun a = s.run(DType.FLOAT64, 0);
        for (int k = 0; k < n / 2; k++) {
            a.step();
        }
        KitRun b = KitRun.restore(s.optimizer().create(s.hyperparameters()), a, s.lr(), s.options().seed());
        for (int k = n / 2; k < n; k++) {
            a.step();
            b.step();
            check(Arrays.equals(a.state(), b.state()),
                "a run restored from its buffers at step %d differs at step %d: state outside the buffers?", n / 2, k + 1);
        }
    }

    private static void nan(KitSubject s) {
        KitRun run = s.run(DType.FLOAT64, 0);
        run.step();
        run.step();
        double[] g = new double[KitProblem.DIMENSION];
        Arrays.fill(g, 0.1);
        g[3] = Double.NaN;
        run.stepWith(g);
        check(Arrays.stream(run.state()).anyMatch(Double::isNaN),
            "a step with a NaN gradient element left parameters and state free of NaN: the NaN was silently swallowed");
    }

    private static void zeroGradient(KitSubject s) {
        KitRun run = s.run(DType.FLOAT64, 0);
        double[] before = run.params();
        run.stepWith(new double[KitProblem.DIMENSION]);
        check(Arrays.equals(before, run.params()), "a zero gradient on the first step moved the parameters from %s to %s",
            Arrays.toString(before), Arrays.toString(run.params()));
    }

    private static void check(boolean ok, String format, Object... args) {
        if (!ok) {
            throw new AssertionError(String.format(java.util.Locale.ROOT, format, args));
        }
    }
}
