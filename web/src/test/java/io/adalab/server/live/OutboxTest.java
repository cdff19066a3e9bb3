package io.adalab.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutboxTest {
    private static Point p(long run, long step) {
        return new Point(run, step, Outbox.bytes("{\"run\":" + run + ",\"step\":" + step + "}"));
    }

    private static String next(Outbox o) {
        byte[] frame = o.next();
        return frame == null ? null : new String(frame, StandardCharsets.UTF_8);
    }

    @Test void consecutivePointsLeaveAsOneBatchAndMessagesKeepTheirPlace() {
        Outbox o = new Outbox(100, 100);
        o.add(p(1, 1));
        o.add(p(1, 2));
        o.add(Outbox.bytes("{\"type\":\"status\"}"));
        o.add(p(1, 3));
        assertThat(next(o)).isEqualTo("{\"type\":\"steps\",\"thinned\":false,\"points\":[{\"run\":1,\"step\":1},{\"run\":1,\"step\":2}]}");
        assertThat(next(o)).isEqualTo("{\"type\":\"status\"}");
        assertThat(next(o)).isEqualTo("{\"type\":\"step\",\"run\":1,\"step\":3}");
        assertThat(next(o)).isNull();
    }

    @Test void aFullOutboxIsThinnedKeepingEachRunsNewestPoint() {
        Outbox o = new Outbox(10, 100);
        for (int s = 1; s <= 11; s++) {
            o.add(p(1, s));
        }
        assertThat(o.points()).isLessThanOrEqualTo(10);
        assertThat(o.thinnings()).isEqualTo(1);
        String frame = next(o);
        assertThat(frame).contains("\"thinned\":true").contains("\"step\":11}").doesNotContain("\"step\":10}");
    }

    @Test void onlyABatchThatMayStillGrowIsHeldBack() {
        Outbox o = new Outbox(100, 100);
        assertThat(o.headComplete()).isFalse();
        o.add(p(1, 1));
        assertThat(o.headComplete()).as("a lone batch may still grow").isFalse();
        o.add(Outbox.bytes("{\"type\":\"status\"}"));
        assertThat(o.headComplete()).as("a message waits behind the batch").isTrue();
        next(o);
        assertThat(o.headComplete()).as("a message leads").isTrue();
    }

    @Test void framesStayValidUtf8() {
        Outbox o = new Outbox(100, 100);
        o.add(new Point(1, 1, Outbox.bytes("{\"run\":1,\"步长\":0.5}")));
        o.add(new Point(1, 2, Outbox.bytes("{\"run\":1,\"步长\":0.25}")));
        assertThat(next(o)).isEqualTo("{\"type\":\"steps\",\"thinned\":false,\"points\":[{\"run\":1,\"步长\":0.5},{\"run\":1,\"步长\":0.25}]}");
        o.add(new Point(1, 3, Outbox.bytes("{\"run\":1,\"步长\":0.125}")));
        assertThat(next(o)).isEqualTo("{\"type\":\"step\",\"run\":1,\"步长\":0.125}");
    }
}
