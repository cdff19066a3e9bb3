package io.adalab.server.cli;

import io.adalab.core.events.RunEvent;
import io.adalab.core.events.RunListener;
import io.adalab.core.events.RunStatus;
import io.adalab.core.train.RunOutcome;
import io.adalab.core.spec.RunSpec;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Live progress of an experiment's runs: one bar per run, redrawn in place on a terminal, or one
 * line per finished run otherwise (logs, CI). As a {@link RunListener} it only overwrites the
 * latest numbers, so it never slows a run down.
 */
final class ProgressBoard implements RunListener, AutoCloseable {
    private static final int MAX_LINES = 20;
    private final PrintWriter out;
    private final boolean ansi;
    private final Map<Long, Row> rows = new LinkedHashMap<>();
    private final Thread painter;
    private int painted;
    private volatile boolean stop;

    private static final class Row {
        final String name;
        volatile long step;
        volatile long total;
        volatile double loss = Double.NaN;
        volatile RunStatus status = RunStatus.QUEUED;
        volatile String message = "";
        volatile long startNanos;
        volatile double seconds;
        volatile boolean reported;

        Row(String name) {
            this.name = name;
        }
    }

    /**
     * Waits for the runs, showing their progress as {@code progress} says (auto, bars, lines,
     * none); Ctrl-C cancels them (they end CANCELLED and keep their checkpoints). Everything they
     * reported is in the store when this returns.
     */
    static List<RunOutcome> await(io.adalab.core.Workbench wb, PrintWriter out, String progress, List<Long> runIds,
                                  List<RunSpec> specs, List<java.util.concurrent.CompletableFuture<RunOutcome>> outcomes) {
        boolean ansi = progress.equals("bars") || progress.equals("auto") && System.console() != null;
        Thread hook = new Thread(() -> wb.scheduler().cancelAll());
        Runtime.getRuntime().addShutdownHook(hook);
        List<RunOutcome> done = new java.util.ArrayList<>();
        if (progress.equals("none")) {
            outcomes.forEach(f -> done.add(f.join()));
        } else {
            try (ProgressBoard board = new ProgressBoard(out, ansi, runIds, specs); AutoCloseable sub = wb.subscribe(board)) {
                outcomes.forEach(f -> done.add(f.join()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        wb.writer().flush();
        Runtime.getRuntime().removeShutdownHook(hook);
        return done;
    }

    ProgressBoard(PrintWriter out, boolean ansi, List<Long> runIds, List<RunSpec> specs) {
        this.out = out;
        this.ansi = ansi;
        for (int i = 0; i < runIds.size(); i++) {
            RunSpec s = specs.get(i);
            rows.put(runIds.get(i), new Row("#" + runIds.get(i) + " " + s.label() + " seed " + s.seed()));
        }
        painter = new Thread(this::paintLoop, "adalab-progress");
        painter.setDaemon(true);
        painter.start();
    }

    @Override public void onEvent(RunEvent e) {
        Row r = rows.get(e.runId());
        if (r == null) {
            return;
        }
        if (e instanceof RunEvent.Started s) {
            r.total = s.totalSteps();
            r.startNanos = System.nanoTime();
        } else if (e instanceof RunEvent.Step s) {
            r.step = s.step();
            r.loss = s.values()[0];
            r.seconds = s.wallSeconds();
        } else if (e instanceof RunEvent.Status s) {
            r.status = s.status();
            r.message = s.message();
            if (s.status().terminal()) {
                Double w = s.finalMetrics().get("wall_seconds");
                r.seconds = w == null ? r.seconds : w;
            }
        }
    }

    private void paintLoop() {
        while (!stop) {
            paint();
            try {
                Thread.sleep(ansi ? 200 : 500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void paint() {
        if (!ansi) {
            int done = (int) rows.values().stream().filter(r -> r.status.terminal()).count();
            for (Row r : rows.values()) {
                if (r.status.terminal() && !r.reported) {
                    r.reported = true;
                    out.printf(Locale.ROOT, "[%d/%d] %s: %s after %d steps, %.1fs%s%n", done, rows.size(), r.name, r.status,
                        r.step, r.seconds, r.message.isEmpty() ? "" : " - " + r.message);
                }
            }
            out.flush();
            return;
        }
        StringBuilder s = new StringBuilder();
        if (painted > 0) {
            s.append("\033[").append(painted).append('F');
        }
        int lines = 0;
        long done = rows.values().stream().filter(r -> r.status.terminal()).count();
        long running = rows.values().stream().filter(r -> r.status == RunStatus.RUNNING).count();
        for (Row r : rows.values()) {
            if (rows.size() > MAX_LINES && r.status != RunStatus.RUNNING) {
                continue;
            }
            s.append("\033[2K").append(line(r)).append('\n');
            lines++;
        }
        s.append("\033[2K").append(String.format(Locale.ROOT, "%d/%d runs done, %d running", done, rows.size(), running)).append('\n');
        lines++;
        // clear leftovers when fewer lines are drawn than last time
        for (int i = lines; i < painted; i++) {
            s.append("\033[2K\n");
        }
        painted = Math.max(lines, painted);
        out.print(s);
        out.flush();
    }

    private static String line(Row r) {
        int width = 24;
        double frac = r.total > 0 ? Math.min(1, (double) r.step / r.total) : r.status.terminal() ? 1 : 0;
        int filled = (int) Math.round(frac * width);
        String bar = "█".repeat(filled) + "░".repeat(width - filled);
        String state = switch (r.status) {
            case RUNNING -> String.format(Locale.ROOT, "%3.0f%% step %d/%d loss %s", 100 * frac, r.step, r.total, TextTable.num(r.loss));
            case QUEUED -> "queued";
            default -> r.status + String.format(Locale.ROOT, " %.1fs", r.seconds)
                + (r.message.isEmpty() ? "" : " " + abbreviate(r.message));
        };
        return String.format(Locale.ROOT, "%-44s %s %s", abbreviate(r.name, 44), bar, state);
    }

    private static String abbreviate(String s) {
        return abbreviate(s, 60);
    }

    private static String abbreviate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    @Override public void close() {
        stop = true;
        painter.interrupt();
        try {
            painter.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        paint();
    }
}
