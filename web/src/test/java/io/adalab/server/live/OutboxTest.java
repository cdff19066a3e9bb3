package io.adalab.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboxTest {
    private static Point p(long run, long step) {
        return new Point(run, step, "{\"run\":" + run + ",\"step\":" + step + "}");
    }

    @Test void consecutivePointsLeaveAsOneBatchAndMessagesKeepTheirPlace() {
        Outbox o = new Outbox(100, 100);
        o.add(p(1, 1));
        o.add(p(1, 2));
        o.add("{\"type\":\"status\"}");
        o.add(p(1, 3));
        assertThat(o.next()).isEqualTo("{\"type\":\"steps\",\"thinned\":false,\"points\":[{\"run\":1,\"step\":1},{\"run\":1,\"step\":2}]}");
        assertThat(o.next()).isEqualTo("{\"type\":\"status\"}");
        assertThat(o.next()).isEqualTo("{\"type\":\"step\",\"run\":1,\"step\":3}");
        assertThat(o.next()).isNull();
    }

    @Test void aFullOutboxIsThinnedKeepingEachRunsNewestPoint() {
        Outbox o = new Outbox(10, 100);
        for (int s = 1; s <= 11; s++) {
            o.add(p(1, s));
        }
        assertThat(o.points()).isLessThanOrEqualTo(10);
        assertThat(o.thinnings()).isEqualTo(1);
        String frame = o.next();
        assertThat(frame).contains("\"thinned\":true").contains("\"step\":11}").doesNotContain("\"step\":10}");
    }
}
