package io.adalab.server.report;

import io.adalab.core.analysis.Report;
import io.adalab.core.store.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A report as one self-contained HTML file: uPlot and the data are inlined, so it opens offline,
 * can be mailed, and is archived with a paper. Charts: loss curves of each optimizer's best
 * configuration, learning-rate sensitivity (final metric against lr, log-x), and the performance
 * profile across problems.
 */
public final class ReportHtml {
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";

    private ReportHtml() {
    }

    public static String render(Report r, String title) {
        String template = resource("/io/adalab/server/report/report.html");
        return template
            .replace("/*UPLOT_CSS*/", resource(UPLOT + "uPlot.min.css"))
            .replace("/*UPLOT_JS*/", resource(UPLOT + "uPlot.iife.min.js"))
            .replace("\"/*DATA*/\"", Json.write(data(r)).replace("</", "<\\/"))
            .replace("<!--TITLE-->", escape(title))
            .replace("<!--TABLES-->", tables(r));
    }

    private static Map<String, Object> data(Report r) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("metric", r.metric());
        d.put("tolerance", r.tolerance());
        List<Map<String, Object>> problems = new ArrayList<>();
        for (Report.Problem p : r.problems()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.name());
            pm.put("target", p.target());
            Map<String, Object> curves = new LinkedHashMap<>();
            p.bestPerOptimizer().forEach((o, c) -> curves.put(c.label(), c.lossCurve()));
            pm.put("curves", curves);
            Map<String, List<double[]>> sens = new LinkedHashMap<>();
            for (Report.Config c : p.configs()) {
                if (!Double.isNaN(c.lr())) {
                    sens.computeIfAbsent(c.optimizer(), k -> new ArrayList<>()).add(new double[] {c.lr(), c.finalMean(), c.finalStd()});
                }
            }
            sens.values().forEach(l -> l.sort((a, b) -> Double.compare(a[0], b[0])));
            pm.put("sensitivity", sens);
            problems.add(pm);
        }
        d.put("problems", problems);
        d.put("profile", r.profile());
        return d;
    }

    private static String tables(Report r) {
        StringBuilder s = new StringBuilder();
        for (Report.Problem p : r.problems()) {
            s.append("<h2>").append(escape(p.name())).append("</h2>\n");
            s.append(String.format(Locale.ROOT, "<p>Target: loss &le; %.4g (%.0f%% of the best reduction seen).</p>%n",
                p.target(), 100 * (1 - r.tolerance())));
            s.append("<table><thead><tr><th>best of</th><th>configuration</th><th>runs</th><th>").append(escape(r.metric()))
                .append("</th><th>steps to target</th><th>seconds to target</th></tr></thead><tbody>\n");
            p.bestPerOptimizer().forEach((o, c) -> s.append(row(o, c)));
            s.append("</tbody></table>\n<details><summary>All ").append(p.configs().size())
                .append(" configurations</summary><table><thead><tr><th>optimizer</th><th>configuration</th><th>runs</th><th>")
                .append(escape(r.metric())).append("</th><th>steps to target</th><th>seconds to target</th></tr></thead><tbody>\n");
            p.configs().forEach(c -> s.append(row(c.optimizer(), c)));
            s.append("</tbody></table></details>\n");
        }
        return s.toString();
    }

    private static String row(String first, Report.Config c) {
        return "<tr><td>" + escape(first) + "</td><td>" + escape(c.label()) + "</td><td>" + c.finished() + "/" + c.runs()
            + "</td><td class=num>" + fmt(c.finalMean()) + (c.runs() > 1 && Double.isFinite(c.finalStd()) ? " &plusmn; " + fmt(c.finalStd()) : "")
            + "</td><td class=num>" + fmt(c.stepsToTarget()) + "</td><td class=num>" + fmt(c.secondsToTarget()) + "</td></tr>\n";
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "&ndash;";
        }
        if (Double.isInfinite(v)) {
            return "not reached";
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String path) {
        try (InputStream in = ReportHtml.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
