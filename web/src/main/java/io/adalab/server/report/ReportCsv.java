package io.adalab.server.report;

import io.adalab.core.analysis.Report;

/** One row per configuration and problem: the report's numbers for spreadsheets and scripts. */
public final class ReportCsv {
    private ReportCsv() {
    }

    public static String render(Report r) {
        StringBuilder s = new StringBuilder("experiment,configuration,optimizer,lr,runs,finished,")
            .append(r.metric()).append("_mean,").append(r.metric()).append("_std,steps_to_target,seconds_to_target,best_for_optimizer\n");
        for (Report.Problem p : r.problems()) {
            for (Report.Config c : p.configs()) {
                s.append(csv(p.name())).append(',').append(csv(c.label())).append(',').append(c.optimizer()).append(',')
                    .append(num(c.lr())).append(',').append(c.runs()).append(',').append(c.finished()).append(',')
                    .append(num(c.finalMean())).append(',').append(num(c.finalStd())).append(',')
                    .append(num(c.stepsToTarget())).append(',').append(num(c.secondsToTarget())).append(',')
                    .append(p.bestPerOptimizer().get(c.optimizer()) == c).append('\n');
            }
        }
        return s.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.isInfinite(v) ? "inf" : Double.toString(v);
    }

    private static String csv(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
