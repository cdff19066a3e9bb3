package io.adalab.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Pacing of one client, driven with explicit clock values (no waiting). */
class LiveClientTest {
    /** Records frames; completes each send when told to. */
    private static final class Recorder implements LiveClient.Sink {
        final List<String> frames = new ArrayList<>();
        Runnable pending;

        @Override public void send(ByteBuffer text, Runnable done, Consumer<Throwable> failed) {
            frames.add(StandardCharsets.UTF_8.decode(text).toString());
            pending = done;
        }

        void complete() {
            Runnable r = pending;
            pending = null;
            r.run();
        }

        @Override public boolean isOpen() {
            return true;
        }

        @Override public void close() {
        }
    }

    private static Point p(long step) {
        return new Point(1, step, Outbox.bytes("{\"run\":1,\"step\":" + step + "}"));
    }

    private static final long MS = 1_000_000L;

    @Test void pointsWaitForTheIntervalButMessagesAndFinishedBatchesDoNot() {
        Recorder sink = new Recorder();
        LiveClient c = new LiveClient("t", sink, () -> { });
        long t0 = 1_000 * MS;
        c.offer(p(1));
        assertThat(c.pump(t0)).isZero();
        assertThat(sink.frames).hasSize(1);

        c.offer(p(2));
        assertThat(c.pump(t0 + MS)).as("one frame in flight").isZero();
        assertThat(sink.frames).hasSize(1);
        sink.complete();
        assertThat(c.pump(t0 + MS)).as("a lone batch waits to coalesce").isEqualTo(t0 + LiveClient.MIN_INTERVAL_NANOS);
        c.offer(p(3));
        assertThat(sink.frames).hasSize(1);

        c.offer("{\"type\":\"status\"}");
        c.pump(t0 + 2 * MS);
        assertThat(sink.frames).as("a message behind the batch finishes it").hasSize(2)
            .last().asString().contains("\"step\":2").contains("\"step\":3");
        sink.complete();
        c.pump(t0 + 3 * MS);
        assertThat(sink.frames).as("and the message itself does not wait").hasSize(3).last().isEqualTo("{\"type\":\"status\"}");
        sink.complete();

        c.offer(p(4));
        assertThat(c.pump(t0 + 4 * MS)).isEqualTo(t0 + 3 * MS + LiveClient.MIN_INTERVAL_NANOS);
        assertThat(c.pump(t0 + 3 * MS + LiveClient.MIN_INTERVAL_NANOS)).isZero();
        assertThat(sink.frames).hasSize(4).last().isEqualTo("{\"type\":\"step\",\"run\":1,\"step\":4}");
    }
}
