package io.adalab.server.cli;

import io.adalab.core.Workbench;
import io.adalab.core.analysis.LrRangeAnalysis;
import io.adalab.core.spec.ExperimentPlan;
import io.adalab.core.spec.LrRangeTest;
import io.adalab.core.spec.RunSpec;
import io.adalab.core.store.SeriesData;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end of an LR range test on the terminal: per configuration, the smoothed loss against
 * log(lr) as a small text chart and the line {@code suggested lr: <value>} (the steepest descent,
 * median over seeds), with the minimum-loss learning rate / 10 beside it.
 */
final class RangeTestReport {
    private static final int WIDTH = 60;
    private static final int HEIGHT = 10;

    private RangeTestReport() {
    }

    /** Suggestion per compare configuration (label → result of the first seed), printed to {@code out}. */
    static Map<String, Double> print(PrintWriter out, Workbench wb, ExperimentPlan plan, List<Long> runIds) {
        LrRangeTest t = plan.rangeTest();
        Map<Integer, List<Integer>> byConfig = new LinkedHashMap<>();
        for (int i = 0; i < plan.runs().size(); i++) {
            byConfig.computeIfAbsent(plan.runs().get(i).configIndex(), k -> new ArrayList<>()).add(i);
        }
        Map<String, Double> suggestions = new LinkedHashMap<>();
        out.println();
        out.printf(Locale.ROOT, "LR range test: lr from %.3g to %.3g over %d steps, loss smoothed (EMA %.2f)%n",
            t.minLr(), t.maxLr(), t.steps(), t.smoothing());
        for (List<Integer> idx : byConfig.values()) {
            RunSpec first = plan.runs().get(idx.get(0));
            List<LrRangeAnalysis.Result> results = new ArrayList<>();
            String problem = null;
            for (int i : idx) {
                long id = runIds.get(i);
                SeriesData lr = wb.series().readAll(id, "lr");
                SeriesData loss = wb.series().readAll(id, "loss");
                try {
                    results.add(LrRangeAnalysis.analyse(lr.last(), loss.last(), t.smoothing(), t.stopFactor()));
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage();
                }
            }
            out.println();
            out.println(first.optimizer().id() + " (" + ComparisonTable.hyperparameters(first) + ", " + idx.size() + " seed"
                + (idx.size() == 1 ? "" : "s") + "):");
            if (results.isEmpty()) {
                out.println("  no suggestion: " + problem);
                continue;
            }
            chart(out, results.get(0));
            double steepest = median(results.stream().mapToDouble(LrRangeAnalysis.Result::steepest).toArray());
            double conservative = median(results.stream().mapToDouble(LrRangeAnalysis.Result::minLossOverTen).toArray());
            out.printf(Locale.ROOT, "suggested lr: %.3g%n", steepest);
            out.printf(Locale.ROOT, "  (steepest descent of the smoothed loss; minimum-loss lr / 10: %.3g)%n", conservative);
            suggestions.put(first.label(), steepest);
        }
        return suggestions;
    }

    /** Smoothed loss (rows) against log10(lr) (columns) in block characters. */
    private static void chart(PrintWriter out, LrRangeAnalysis.Result r) {
        double[] x = r.lr();
        double[] y = r.smoothed();
        double lx0 = Math.log10(x[0]);
        double lx1 = Math.log10(x[x.length - 1]);
        double y0 = Arrays.stream(y).min().orElse(0);
        double y1 = Arrays.stream(y).max().orElse(1);
        char[][] grid = new char[HEIGHT][WIDTH];
        for (char[] row : grid) {
            Arrays.fill(row, ' ');
        }
        for (int i = 0; i < x.length; i++) {
            int c = (int) Math.round((Math.log10(x[i]) - lx0) / Math.max(1e-12, lx1 - lx0) * (WIDTH - 1));
            int rr = (int) Math.round((y[i] - y0) / Math.max(1e-12, y1 - y0) * (HEIGHT - 1));
            grid[HEIGHT - 1 - rr][c] = '•';
        }
        int mark = (int) Math.round((Math.log10(r.steepest()) - lx0) / Math.max(1e-12, lx1 - lx0) * (WIDTH - 1));
        for (int row = 0; row < HEIGHT; row++) {
            String label = row == 0 ? String.format(Locale.ROOT, "%9.3g", y1) : row == HEIGHT - 1 ? String.format(Locale.ROOT, "%9.3g", y0) : "         ";
            char[] line = grid[row].clone();
            if (line[mark] == ' ') {
                line[mark] = '┆';
            }
            out.println("  " + label + " │" + new String(line));
        }
        out.println("            └" + "─".repeat(WIDTH));
        String left = String.format(Locale.ROOT, "lr %.1e", x[0]);
        String right = String.format(Locale.ROOT, "%.1e", x[x.length - 1]);
        out.println("             " + left + " ".repeat(Math.max(1, WIDTH - left.length() - right.length())) + right
            + "   (┆ steepest descent)");
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : Math.sqrt(s[s.length / 2 - 1] * s[s.length / 2]);
    }
}
