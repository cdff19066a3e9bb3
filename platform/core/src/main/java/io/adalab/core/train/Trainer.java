package io.adalab.core.train;

import io.adalab.api.Batch;
import io.adalab.api.Buffers;
import io.adalab.api.Dataset;
import io.adalab.api.DatasetContext;
import io.adalab.api.ScheduleRule;
import io.adalab.api.ScheduleSetup;
import io.adalab.api.TrainableModel;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;
import io.adalab.core.events.RunEvent;
import io.adalab.core.events.RunListener;
import io.adalab.core.events.RunStatus;
import io.adalab.core.spec.RunSpec;
import io.adalab.core.spec.TrainingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Trains one run with the platform's own loop: the model (DL4J or analytic) computes loss and
 * gradient, the optimizer plugin updates the flat parameters in place, and the platform measures
 * telemetry around every step. Deterministic for a spec and seed. A non-finite loss, gradient or
 * update ends the run DIVERGED; an exception from a plugin ends it FAILED; neither escapes.
 */
public final class Trainer {
    /**
     * On two-dimensional problems, the series of the point where each step evaluated its gradient
     * (its first and second coordinate): the optimizer's path, stored and exported like any series.
     */
    public static final String ITERATE_X = "iterate_x";
    /** The second coordinate; see {@link #ITERATE_X}. */
    public static final String ITERATE_Y = "iterate_y";
    private final Path dataDir;

    /** @param dataDir the data folder handed to dataset plugins */
    public Trainer(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * Runs {@code spec} to the end and returns how it ended. Events go to {@code out} on this thread.
     *
     * @param cancelled polled every step; true ends the run CANCELLED
     */
    public RunOutcome run(RunSpec spec, long runId, RunListener out, BooleanSupplier cancelled) {
        return run(spec, runId, out, cancelled, StepWatchdog.Guard.NONE);
    }

    /** As {@link #run(RunSpec, long, RunListener, BooleanSupplier)}, marking every step's plugin calls on {@code guard}. */
    RunOutcome run(RunSpec spec, long runId, RunListener out, BooleanSupplier cancelled, StepWatchdog.Guard guard) {
        return run(spec, runId, out, cancelled, guard, null, false);
    }

    /**
     * Continues a run: from the checkpoint {@code from} (its serialized {@link TrainingState}), or,
     * when there is none, from the beginning again. The steps after the checkpoint are then exactly
     * those an uninterrupted run would have taken (dropout masks from ND4J's global generator
     * excepted).
     */
    public RunOutcome resume(RunSpec spec, long runId, RunListener out, BooleanSupplier cancelled, byte[] from) {
        return run(spec, runId, out, cancelled, StepWatchdog.Guard.NONE, from == null ? null : TrainingState.fromBytes(from), true);
    }

    RunOutcome run(RunSpec spec, long runId, RunListener out, BooleanSupplier cancelled, StepWatchdog.Guard guard,
                   TrainingState from, boolean resume) {
        long t0 = System.nanoTime();
        Progress p = new Progress();
        p.t0 = t0;
        TrainingSource source = null;
        try {
            source = open(spec);
            return loop(spec, runId, source, out, cancelled, p, guard, from, resume);
        } catch (StepWatchdog.StepTimeout t) {
            return new RunOutcome(RunStatus.FAILED, t.getMessage(), p.finalMetrics(spec));
        } catch (Divergence d) {
            return new RunOutcome(RunStatus.DIVERGED, d.getMessage(), p.finalMetrics(spec));
        } catch (PluginFailure f) {
            return new RunOutcome(RunStatus.FAILED, f.getMessage(), p.finalMetrics(spec));
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError vme && !(e instanceof OutOfMemoryError || e instanceof StackOverflowError)) {
                throw vme;
            }
            return new RunOutcome(RunStatus.FAILED, PluginFailure.summary(e), p.finalMetrics(spec));
        } finally {
            if (source != null) {
                source.close();
            }
        }
    }

    private TrainingSource open(RunSpec spec) {
        TrainingConfig tc = spec.training();
        if (spec.isProblem()) {
            var f = call("problem " + spec.problem().id(), () -> spec.problem().extension()
                .create(spec.problem().hyperparameters(), spec.seed()));
            return new ObjectiveSource(f, tc.dtype(), tc.steps());
        }
        Dataset data = call("dataset " + spec.dataset().id(), () -> {
            try {
                return spec.dataset().extension().open(spec.dataset().hyperparameters(),
                    new DatasetContext(spec.seed(), dataDir, tc.dtype()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        TrainableModel model = call("model " + spec.model().id(), () -> spec.model().extension()
            .create(data.shape(), spec.model().hyperparameters(), tc.dtype(), spec.seed()));
        return new ModelSource(model, data, tc.batchSize(), spec.seed(), tc.evalTrain());
    }

    private RunOutcome loop(RunSpec spec, long runId, TrainingSource src, RunListener out, BooleanSupplier cancelled,
                            Progress p, StepWatchdog.Guard guard, TrainingState from, boolean resume) {
        TrainingConfig tc = spec.training();
        int n = src.groups().isEmpty() ? 0 : src.groups().get(src.groups().size() - 1).end();
        Vec params = Vec.zeros(src.dtype(), n);
        Vec grad = Vec.zeros(src.dtype(), n);
        Vec evalPoint = Vec.zeros(src.dtype(), n);
        src.initialParameters(params);
        String optName = "optimizer " + spec.optimizer().id() + " (plugin " + spec.optimizer().registered().pluginId() + ")";
        String srcName = spec.isProblem()
            ? "problem " + spec.problem().id() + " (plugin " + spec.problem().registered().pluginId() + ")"
            : "model " + spec.model().id() + " (plugin " + spec.model().registered().pluginId() + ")";
        UpdateRule rule = call(optName, () -> spec.optimizer().extension().create(spec.optimizer().hyperparameters()));
        Buffers buffers = call(optName, () -> Buffers.allocate(rule, params, grad, src.groups()));
        p.state(buffers.stateBytes(), (long) n * src.dtype().bytes());
        if (from != null) {
            from.restoreInto(buffers);
        } else {
            call(optName, () -> {
                rule.initialize(buffers);
                return null;
            });
        }

        long perEpoch = src.stepsPerEpoch();
        long total = spec.isProblem() ? tc.steps() : tc.epochs() > 0 ? tc.epochs() * perEpoch : tc.steps();
        if (tc.steps() > 0) {
            total = Math.min(total, tc.steps());
        }
        int epochs = (int) Math.max(1, (total + perEpoch - 1) / perEpoch);
        double baseLr = spec.optimizer().hyperparameters().has("lr") ? spec.optimizer().hyperparameters().real("lr") : 1.0;
        ScheduleDriver driver = new ScheduleDriver(schedule(spec, baseLr, total, perEpoch), baseLr, spec.warmupSteps());
        List<String> drivenNames = new ArrayList<>(driver.driven(0).keySet());
        Telemetry tel = new Telemetry(src.groups(), params, tc.quantileSample(), spec.seed(), drivenNames);
        List<String> series = new ArrayList<>(tel.series());
        boolean path = spec.isProblem() && n == 2;
        int pathAt = series.size();
        if (path) {
            series.add(ITERATE_X);
            series.add(ITERATE_Y);
        }
        RunContext ctx = new RunContext(spec.seed());
        double[] scratch = new double[series.size()];

        double limit = Double.NaN;
        long step = 0;
        int firstEpoch = 0;
        long skip = 0;
        // every step's loss, kept only for a schedule to replay on resume (8 bytes a step)
        boolean keepLosses = spec.schedule() != null;
        double[] losses = new double[keepLosses ? (int) Math.min(Math.max(total, 16), 1 << 20) : 0];
        if (from != null) {
            step = from.step();
            firstEpoch = from.epoch();
            skip = from.inEpoch();
            limit = from.limit();
            p.restore(from);
            if (keepLosses) {
                if (from.losses().length < step) {
                    throw new IllegalStateException("the checkpoint has " + from.losses().length + " of " + step
                        + " step losses; the schedule cannot be brought back");
                }
                losses = java.util.Arrays.copyOf(from.losses(), Math.max(losses.length, from.losses().length));
                // bring a schedule that reacts to the loss (plateau) to where it was: the same calls, in order
                for (long t = 0; t < step; t++) {
                    driver.learningRate(t);
                    driver.driven(t);
                    driver.observe(t, losses[(int) t]);
                }
            }
        }
        out.onEvent(new RunEvent.Started(runId, List.copyOf(series), n, total, !resume ? -1 : from == null ? 0 : from.step()));
        long checkpointSteps = tc.checkpointEvery();
        long checkpointNanos = (long) (tc.checkpointSeconds() * 1e9);
        long lastCheckpoint = System.nanoTime();
        for (int epoch = firstEpoch; epoch < epochs && step < total; epoch++) {
            Iterator<Batch> it = src.epoch(epoch);
            long inEpoch = 0;
            for (; epoch == firstEpoch && inEpoch < skip && it.hasNext(); inEpoch++) {
                it.next();
            }
            while (it.hasNext() && step < total) {
                Batch batch = it.next();
                step++;
                inEpoch++;
                long t = step - 1;
                double lr = driver.learningRate(t);
                Map<String, Double> driven = driver.driven(t);
                double px = path ? params.get(0) : 0;
                double py = path ? params.get(1) : 0;
                guard.enter(srcName, step);
                double loss;
                try {
                    loss = src.lossAndGradient(params, batch, grad);
                } catch (RuntimeException | LinkageError e) {
                    guard.exit();
                    throw e;
                }
                guard.exit();
                if (Double.isNaN(limit)) {
                    limit = tc.divergenceFactor() * Math.max(1, Math.abs(loss));
                }
                if (!Double.isFinite(loss)) {
                    throw new Divergence("loss became " + loss + " at step " + step);
                }
                if (loss > limit) {
                    throw new Divergence("loss " + loss + " exceeded " + tc.divergenceFactor() + "x the initial loss at step " + step);
                }
                boolean quantiles = (step - 1) % tc.quantileEvery() == 0;
                double gradNorm = tel.before(params, grad, quantiles);
                if (!Double.isFinite(gradNorm)) {
                    throw new Divergence("gradient became non-finite at step " + step);
                }
                ctx.set(step, epoch, lr, loss, driven);
                guard.enter(optName, step);
                try {
                    rule.step(buffers, ctx);
                } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
                    guard.exit(); // a plugin that answers the watchdog's interrupt by throwing still timed out
                    throw new PluginFailure(optName + " at step " + step, e);
                }
                guard.exit();
                driver.observe(t, loss);
                boolean emit = step % tc.telemetryEvery() == 0 || step == total;
                // an emitted step's array travels with its event; the others reuse one scratch array
                double[] values = emit ? new double[scratch.length] : scratch;
                values[Telemetry.LOSS] = loss;
                values[Telemetry.LR] = lr;
                double updateNorm = tel.after(params, gradNorm, quantiles, values, driven);
                if (path) {
                    values[pathAt] = px;
                    values[pathAt + 1] = py;
                }
                p.step(step, loss, batch == null ? 0 : batch.size(), batch == null ? 0 : src.tokens(batch));
                if (keepLosses) {
                    if (step > losses.length) {
                        losses = java.util.Arrays.copyOf(losses, (int) Math.min(Integer.MAX_VALUE - 8, 2L * losses.length));
                    }
                    losses[(int) (step - 1)] = loss;
                }
                if (!Double.isFinite(updateNorm)) {
                    throw new Divergence(optName + " produced non-finite parameters at step " + step);
                }
                if (emit) {
                    out.onEvent(new RunEvent.Step(runId, step, epoch, p.seconds(), values));
                }
                boolean due = checkpointSteps > 0 ? step % checkpointSteps == 0
                    : checkpointNanos > 0 && System.nanoTime() - lastCheckpoint >= checkpointNanos;
                if (due && step < total) {
                    lastCheckpoint = System.nanoTime();
                    TrainingState state = TrainingState.capture(step, epoch, inEpoch, p.seconds(), limit, p.totals(), losses, buffers);
                    out.onEvent(new RunEvent.Checkpoint(runId, step, state.toBytes()));
                }
                if (cancelled.getAsBoolean()) {
                    return new RunOutcome(RunStatus.CANCELLED, "cancelled at step " + step, p.finalMetrics(spec));
                }
            }
            Map<String, Double> m = new LinkedHashMap<>();
            if (tc.evaluate()) {
                rule.evaluationPoint(buffers, evalPoint);
                m.putAll(src.evaluate(evalPoint));
            }
            if (!spec.isProblem()) {
                m.put("train_minibatch_loss", p.epochMeanLoss());
            }
            p.epoch(m);
            out.onEvent(new RunEvent.Epoch(runId, epoch, step, p.seconds(), m));
        }
        return new RunOutcome(RunStatus.FINISHED, "", p.finalMetrics(spec));
    }

    private static ScheduleRule schedule(RunSpec spec, double baseLr, long total, long perEpoch) {
        if (spec.schedule() == null) {
            return null;
        }
        Map<String, Double> base = new LinkedHashMap<>();
        spec.optimizer().hyperparameters().asMap().forEach((k, v) -> {
            if (v instanceof Double d) {
                base.put(k, d);
            }
        });
        ScheduleSetup setup = new ScheduleSetup(baseLr, Math.max(1, total - spec.warmupSteps()), perEpoch, base);
        return call("schedule " + spec.schedule().id(), () -> spec.schedule().extension()
            .create(spec.schedule().hyperparameters(), setup));
    }

    private static <T> T call(String what, java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (RuntimeException | LinkageError e) {
            throw new PluginFailure(what, e instanceof java.io.UncheckedIOException u ? u.getCause() : e);
        }
    }

    /** Running totals for the final metrics. */
    private static final class Progress {
        /** When the run started, as nanoTime; a resumed run's start is moved back by the time it had trained. */
        long t0;
        private long steps;
        private long samples;
        private long tokens;
        private double lastLoss = Double.NaN;
        private double epochLossSum;
        private long epochSteps;
        private Map<String, Double> lastEpoch = Map.of();
        private long stateBytes = -1;
        private long parameterBytes;

        /** The optimizer's state size, and the parameters' for scale. */
        void state(long state, long parameters) {
            stateBytes = state;
            parameterBytes = parameters;
        }

        void step(long step, double loss, int batchSize, long batchTokens) {
            steps = step;
            samples += batchSize;
            tokens += batchTokens;
            lastLoss = loss;
            epochLossSum += loss;
            epochSteps++;
        }

        double epochMeanLoss() {
            return epochSteps == 0 ? Double.NaN : epochLossSum / epochSteps;
        }

        void epoch(Map<String, Double> m) {
            lastEpoch = m;
            epochLossSum = 0;
            epochSteps = 0;
        }

        double seconds() {
            return (System.nanoTime() - t0) / 1e9;
        }

        TrainingState.Totals totals() {
            return new TrainingState.Totals(samples, tokens, lastLoss, epochLossSum, epochSteps, lastEpoch);
        }

        void restore(TrainingState s) {
            steps = s.step();
            t0 = System.nanoTime() - (long) (s.wall() * 1e9);
            TrainingState.Totals t = s.progress();
            samples = t.samples();
            tokens = t.tokens();
            lastLoss = t.lastLoss();
            epochLossSum = t.epochLossSum();
            epochSteps = t.epochSteps();
            lastEpoch = t.lastEpoch();
        }

        Map<String, Double> finalMetrics(RunSpec spec) {
            double wall = seconds();
            Map<String, Double> m = new LinkedHashMap<>(lastEpoch);
            m.put("last_step_loss", lastLoss);
            m.put("steps", (double) steps);
            m.put("wall_seconds", wall);
            m.put("steps_per_second", wall > 0 ? steps / wall : Double.NaN);
            if (stateBytes >= 0) {
                // what the method costs in memory beyond the parameters: Adam 2x, Lion 1x, Adafactor far less
                m.put("optimizer_state_bytes", (double) stateBytes);
                m.put("optimizer_state_per_parameter", parameterBytes > 0 ? (double) stateBytes / parameterBytes : Double.NaN);
            }
            if (!spec.isProblem()) {
                m.put("samples_per_second", wall > 0 ? samples / wall : Double.NaN);
            }
            if (tokens > 0) {
                // a language model's throughput in the field's unit: predicted tokens (padding excluded)
                m.put("tokens_per_second", wall > 0 ? tokens / wall : Double.NaN);
            }
            m.values().removeIf(v -> v == null);
            return m;
        }
    }
}
