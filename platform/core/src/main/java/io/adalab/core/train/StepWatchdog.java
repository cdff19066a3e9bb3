package io.adalab.core.train;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Stops plugin calls that hang. The trainer marks the start and end of every plugin call of a step
 * on its {@link Guard} (two volatile writes, no allocation); one timer thread looks at all guards
 * ten times a second. A call still running after the run's {@code step_timeout_seconds} has its
 * thread interrupted and is reported once to the guard's owner, which ends the run FAILED
 * (timeout) and gives up on the thread: Java cannot kill a thread that ignores interrupts, so the
 * scheduler replaces it (see {@link RunScheduler}).
 */
final class StepWatchdog implements AutoCloseable {
    private static final long TICK_MS = 100;
    private final Set<Guard> guards = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "adalab-step-watchdog");
        t.setDaemon(true);
        return t;
    });

    StepWatchdog() {
        timer.scheduleWithFixedDelay(this::check, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** Watches the plugin calls that {@code thread} marks on the returned guard; close it when the run ends. */
    Guard watch(Thread thread, double timeoutSeconds, Consumer<String> onTimeout) {
        Guard g = new Guard(this, thread, (long) (timeoutSeconds * 1e9), timeoutSeconds, onTimeout);
        guards.add(g);
        return g;
    }

    private void check() {
        long now = System.nanoTime();
        for (Guard g : guards) {
            g.check(now);
        }
    }

    @Override public void close() {
        timer.shutdownNow();
    }

    /** The step timeout fired; the run is over whatever the plugin does next. */
    static final class StepTimeout extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepTimeout(String message) {
            super(message, null, false, false);
        }
    }

    /** One run's marks. Written by the run thread, read by the watchdog. */
    static final class Guard implements AutoCloseable {
        /** No watchdog (direct {@link Trainer} use in tests and tools). */
        static final Guard NONE = new Guard(null, null, Long.MAX_VALUE, 0, m -> { });
        private static final long OUTSIDE = Long.MIN_VALUE;
        private final StepWatchdog owner;
        private final Thread thread;
        private final long timeoutNanos;
        private final double timeoutSeconds;
        private final Consumer<String> onTimeout;
        private volatile long since = OUTSIDE;
        private volatile String what = "";
        private volatile long step;
        private volatile String message;

        private Guard(StepWatchdog owner, Thread thread, long timeoutNanos, double timeoutSeconds, Consumer<String> onTimeout) {
            this.owner = owner;
            this.thread = thread;
            this.timeoutNanos = timeoutNanos;
            this.timeoutSeconds = timeoutSeconds;
            this.onTimeout = onTimeout;
        }

        /** The run thread is about to call plugin code ({@code what}, e.g. "optimizer adam (plugin x)") in {@code step}. */
        void enter(String what, long step) {
            this.what = what;
            this.step = step;
            since = System.nanoTime();
        }

        /** The plugin call returned (or threw); throws {@link StepTimeout} if the watchdog gave up on it meanwhile. */
        void exit() {
            since = OUTSIDE;
            String m = message;
            if (m != null) {
                throw new StepTimeout(m);
            }
        }

        /** Whether the watchdog stopped this run. */
        boolean timedOut() {
            return message != null;
        }

        void check(long now) {
            long s = since;
            if (s == OUTSIDE || message != null || now - s <= timeoutNanos) {
                return;
            }
            message = String.format(Locale.ROOT, "timeout: %s did not return from step %d within %s s "
                + "(training.step_timeout_seconds); its thread was interrupted and abandoned", what, step,
                timeoutSeconds == Math.rint(timeoutSeconds) ? Long.toString((long) timeoutSeconds) : Double.toString(timeoutSeconds));
            thread.interrupt();
            onTimeout.accept(message);
        }

        @Override public void close() {
            if (owner != null) {
                owner.guards.remove(this);
            }
        }
    }
}
