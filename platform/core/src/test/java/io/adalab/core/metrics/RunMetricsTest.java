package io.adalab.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adalab.core.events.RunEvent;
import io.adalab.core.events.RunStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunMetricsTest {
    private static final List<String> SERIES = List.of("loss", "lr", "grad_norm", "update_norm", "update_ratio",
        "eff_lr_p10", "eff_lr_p50", "eff_lr_p90", "grad_norm/x");
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private RunMetrics metrics;

    private RunMetrics metrics(int maxRuns, Duration grace) {
        metrics = new RunMetrics(new RunMetrics.Config(maxRuns, grace), null);
        metrics.bindTo(registry);
        return metrics;
    }

    @AfterEach
    void close() {
        if (metrics != null) {
            metrics.close();
        }
    }

    private static RunEvent.Step step(long run, long step, double wall, double... v) {
        return new RunEvent.Step(run, step, 0, wall, v);
    }

    private static double[] values(double loss, double lr) {
        return new double[] {loss, lr, 3.0, 0.2, 0.01, 1e-4, 2e-4, 3e-4, 3.0};
    }

    private double gauge(String name, long run, String... extra) {
        Search s = registry.find(name).tag(MeterNames.RUN, Long.toString(run));
        if (extra.length > 0) {
            s = s.tags(extra);
        }
        Gauge g = s.gauge();
        assertThat(g).as(name + " of run " + run).isNotNull();
        return g.value();
    }

    private boolean exported(long run) {
        return !registry.find(MeterNames.RUN_LOSS).tag(MeterNames.RUN, Long.toString(run)).gauges().isEmpty();
    }

    private void start(RunMetrics m, long run, String experiment, String optimizer) {
        m.label(run, new RunLabels(experiment, optimizer));
        m.onEvent(new RunEvent.Status(run, RunStatus.RUNNING, "", Map.of()));
        m.onEvent(new RunEvent.Started(run, SERIES, 9));
    }

    private void end(RunMetrics m, long run, RunStatus status) {
        m.onEvent(new RunEvent.Status(run, status, "", Map.of()));
    }

    @Test
    void gaugesShowTheValuesOfTheLatestStepLabelledWithExperimentRunAndOptimizer() {
        RunMetrics m = metrics(10, Duration.ofHours(1));
        start(m, 7, "compare", "adam");
        m.onEvent(step(7, 1, 0.01, values(2.5, 0.1)));
        m.onEvent(step(7, 2, 0.02, values(1.25, 0.05)));

        Gauge loss = registry.find(MeterNames.RUN_LOSS).tags(MeterNames.EXPERIMENT, "compare", MeterNames.RUN, "7",
            MeterNames.OPTIMIZER, "adam").gauge();
        assertThat(loss).isNotNull();
        assertThat(loss.value()).isEqualTo(1.25);
        assertThat(gauge(MeterNames.RUN_LR, 7)).isEqualTo(0.05);
        assertThat(gauge(MeterNames.RUN_GRAD_NORM, 7)).isEqualTo(3.0);
        assertThat(gauge(MeterNames.RUN_UPDATE_RATIO, 7)).isEqualTo(0.01);
        assertThat(gauge(MeterNames.RUN_EFFECTIVE_LR, 7, MeterNames.QUANTILE, "0.1")).isEqualTo(1e-4);
        assertThat(gauge(MeterNames.RUN_EFFECTIVE_LR, 7, MeterNames.QUANTILE, "0.5")).isEqualTo(2e-4);
        assertThat(gauge(MeterNames.RUN_EFFECTIVE_LR, 7, MeterNames.QUANTILE, "0.9")).isEqualTo(3e-4);
    }

    @Test
    void aSeriesNotComputedAtAStepKeepsItsPreviousValue() {
        RunMetrics m = metrics(10, Duration.ofHours(1));
        start(m, 1, "e", "sgd");
        assertThat(gauge(MeterNames.RUN_EFFECTIVE_LR, 1, MeterNames.QUANTILE, "0.5")).isNaN();
        m.onEvent(step(1, 1, 0.1, values(2, 0.1)));
        double[] sampledOut = values(1, 0.1);
        sampledOut[6] = Double.NaN;
        m.onEvent(step(1, 2, 0.2, sampledOut));
        assertThat(gauge(MeterNames.RUN_LOSS, 1)).isEqualTo(1.0);
        assertThat(gauge(MeterNames.RUN_EFFECTIVE_LR, 1, MeterNames.QUANTILE, "0.5")).isEqualTo(2e-4);
    }

    @Test
    void stepsAreCountedEvenWhenTelemetryComesEveryFewSteps() {
        RunMetrics m = metrics(10, Duration.ofHours(1));
        start(m, 1, "e", "sgd");
        m.onEvent(step(1, 5, 0.5, values(2, 0.1)));
        m.onEvent(step(1, 10, 1.0, values(1, 0.1)));
        assertThat(registry.find(MeterNames.STEPS).tag(MeterNames.RUN, "1").functionCounter().count()).isEqualTo(10.0);
        Timer t = registry.find(MeterNames.STEP_TIME).tag(MeterNames.RUN, "1").timer();
        assertThat(t.count()).isEqualTo(10);
        assertThat(t.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isCloseTo(1000.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(m.stepRecords()).isEqualTo(2);
    }

    @Test
    void labelsThatArriveAfterTheStartStillExportTheValuesEmittedBefore() {
        RunMetrics m = metrics(10, Duration.ofHours(1));
        m.onEvent(new RunEvent.Started(3, SERIES, 9));
        m.onEvent(step(3, 1, 0.1, values(4, 0.3)));
        m.onEvent(step(3, 2, 0.3, values(3, 0.3)));
        assertThat(exported(3)).isFalse();
        m.label(3, new RunLabels("late", "rmsprop"));
        m.onEvent(step(3, 3, 0.4, values(4, 0.3)));
        assertThat(gauge(MeterNames.RUN_LOSS, 3)).isEqualTo(4.0);
        assertThat(registry.find(MeterNames.STEP_TIME).tag(MeterNames.RUN, "3").timer().count()).as("step times kept until labelled")
            .isEqualTo(3);
        assertThat(registry.find(MeterNames.STEPS).tags(MeterNames.RUN, "3", MeterNames.OPTIMIZER, "rmsprop").functionCounter().count())
            .isEqualTo(3.0);
    }

    @Test
    void aResolverLabelsRunsNobodyAnnounced() throws Exception {
        metrics = new RunMetrics(RunMetrics.Config.DEFAULTS, id -> Optional.of(new RunLabels("from-store", "adagrad")));
        metrics.bindTo(registry);
        metrics.onEvent(new RunEvent.Started(4, SERIES, 9));
        metrics.awaitHousekeeping();
        assertThat(registry.find(MeterNames.RUN_LOSS).tags(MeterNames.RUN, "4", MeterNames.EXPERIMENT, "from-store").gauge()).isNotNull();
    }

    @Test
    void runsKnownBeforeBindingAppearWhenBound() {
        metrics = new RunMetrics();
        metrics.label(5, new RunLabels("e", "sgd"));
        metrics.onEvent(new RunEvent.Started(5, SERIES, 9));
        metrics.onEvent(step(5, 1, 0.1, values(9, 0.1)));
        metrics.bindTo(registry);
        assertThat(gauge(MeterNames.RUN_LOSS, 5)).isEqualTo(9.0);
        assertThatThrownBy(() -> metrics.bindTo(new SimpleMeterRegistry())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFinishedRunsSeriesStayForTheGracePeriodThenGo() throws Exception {
        RunMetrics kept = metrics(10, Duration.ofHours(1));
        start(kept, 1, "e", "sgd");
        end(kept, 1, RunStatus.FINISHED);
        kept.awaitHousekeeping();
        assertThat(exported(1)).isTrue();
        kept.close();

        MeterRegistry other = new SimpleMeterRegistry();
        metrics = new RunMetrics(new RunMetrics.Config(10, Duration.ZERO), null);
        metrics.bindTo(other);
        start(metrics, 2, "e", "sgd");
        end(metrics, 2, RunStatus.DIVERGED);
        metrics.awaitHousekeeping();
        assertThat(other.find(MeterNames.RUN_LOSS).gauges()).isEmpty();
        assertThat(other.find(MeterNames.STEP_TIME).timers()).isEmpty();
        assertThat(metrics.exportedRuns()).isZero();
    }

    @Test
    void aResumedRunExportsItsNewValuesAndOutlivesTheEarlierAttemptsGracePeriod() throws Exception {
        RunMetrics m = metrics(10, Duration.ofMillis(200));
        start(m, 3, "e", "adam");
        m.onEvent(step(3, 1, 0.1, values(5, 0.1)));
        end(m, 3, RunStatus.CANCELLED);
        start(m, 3, "e", "adam"); // resumed before the grace period ran out
        m.onEvent(step(3, 2, 0.2, values(4, 0.1)));
        assertThat(gauge(MeterNames.RUN_LOSS, 3)).isEqualTo(4.0);
        Thread.sleep(400); // the earlier attempt's removal comes due
        m.awaitHousekeeping();
        assertThat(exported(3)).isTrue();
        m.onEvent(step(3, 3, 0.3, values(3, 0.1)));
        assertThat(gauge(MeterNames.RUN_LOSS, 3)).isEqualTo(3.0);
        assertThat(m.exportedRuns()).isEqualTo(1);
    }

    @Test
    void theCapEvictsTheRunThatEndedFirstThenDropsNewRunsWhileAllExportedRunsTrain() {
        RunMetrics m = metrics(2, Duration.ofHours(1));
        start(m, 1, "e", "sgd");
        start(m, 2, "e", "sgd");
        end(m, 2, RunStatus.FINISHED);
        end(m, 1, RunStatus.FINISHED);
        start(m, 3, "e", "sgd");
        assertThat(exported(2)).as("the run that ended first makes room").isFalse();
        assertThat(exported(1)).isTrue();
        start(m, 4, "e", "sgd");
        assertThat(exported(1)).isFalse();
        start(m, 5, "e", "sgd");
        assertThat(exported(5)).as("runs 3 and 4 are still training").isFalse();
        assertThat(registry.find(MeterNames.RUN_SERIES_DROPPED).counter().count()).isEqualTo(1.0);
        assertThat(m.exportedRuns()).isEqualTo(2);
        assertThat(registry.find(MeterNames.RUN_SERIES_ACTIVE).gauge().value()).isEqualTo(2.0);
    }

    @Test
    void runsAreCountedByTerminalStatusAndQueuedUntilTheyStart() {
        RunMetrics m = metrics(10, Duration.ofHours(1));
        m.label(1, new RunLabels("e", "sgd"));
        m.label(2, new RunLabels("e", "sgd"));
        assertThat(registry.find(MeterNames.RUNS_QUEUED).gauge().value()).isEqualTo(2.0);
        start(m, 1, "e", "sgd");
        assertThat(registry.find(MeterNames.RUNS_QUEUED).gauge().value()).isEqualTo(1.0);
        end(m, 1, RunStatus.FINISHED);
        end(m, 2, RunStatus.CANCELLED);
        assertThat(registry.find(MeterNames.RUNS_QUEUED).gauge().value()).isZero();
        assertThat(registry.find(MeterNames.RUNS).tag(MeterNames.STATUS, "finished").counter().count()).isEqualTo(1.0);
        assertThat(registry.find(MeterNames.RUNS).tag(MeterNames.STATUS, "cancelled").counter().count()).isEqualTo(1.0);
        assertThat(registry.find(MeterNames.RUNS).tag(MeterNames.STATUS, "failed").counter().count()).isZero();
    }

    @Test
    void theConfigRejectsNonsense() {
        assertThatThrownBy(() -> new RunMetrics.Config(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RunMetrics.Config(1, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
