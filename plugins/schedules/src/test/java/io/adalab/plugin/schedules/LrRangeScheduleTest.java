package io.adalab.plugin.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.adalab.api.ScheduleRule;
import io.adalab.api.ScheduleSetup;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LrRangeScheduleTest {
    private final LrRangeSchedule s = new LrRangeSchedule();

    private ScheduleRule rule(Map<String, Object> h, long total) {
        return s.create(s.schema().resolve(h), new ScheduleSetup(0.123, total, 10, Map.of()));
    }

    @Test
    void rampsExponentiallyFromMinToMaxIgnoringTheOptimizersLr() {
        ScheduleRule r = rule(Map.of("min_lr", 1e-6, "max_lr", 1.0, "steps", 7), 100);
        assertThat(r.learningRate(0)).isEqualTo(1e-6);
        assertThat(r.learningRate(1)).isCloseTo(1e-5, within(1e-18));
        assertThat(r.learningRate(3)).isCloseTo(1e-3, within(1e-15));
        assertThat(r.learningRate(6)).isEqualTo(1.0);
        assertThat(r.learningRate(50)).isEqualTo(1.0);
    }

    @Test
    void theRampSpansTheWholeRunByDefault() {
        ScheduleRule r = rule(Map.of("min_lr", 1e-4, "max_lr", 1e-2), 3);
        assertThat(r.learningRate(1)).isCloseTo(1e-3, within(1e-15));
        assertThat(r.learningRate(2)).isEqualTo(1e-2);
    }
}
