package io.adalab.core.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * {@code adalab_step_seconds}: a histogram with fixed buckets from 10 µs (analytic problems) to 10 s
 * (large networks). Fixed buckets keep each run to {@value #SERIES} series, where Micrometer's
 * percentile histogram would publish about 70.
 */
final class StepTimer {
    static final Duration[] BUCKETS = {
        Duration.ofNanos(10_000), Duration.ofNanos(100_000), Duration.ofMillis(1), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(10),
    };
    /** Buckets (with +Inf), count, sum and max. */
    static final int SERIES = 13 + 1 + 3;

    private StepTimer() {
    }

    static Timer register(MeterRegistry r, Tags tags) {
        return Timer.builder(MeterNames.STEP_TIME).tags(tags).description("Wall time of one optimizer step")
            .serviceLevelObjectives(BUCKETS).register(r);
    }
}
