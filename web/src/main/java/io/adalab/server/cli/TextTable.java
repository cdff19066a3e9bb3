package io.adalab.server.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain text table with aligned columns (numbers right-aligned), for every command that prints one. */
public final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... header) {
        this.header = List.of(header);
    }

    /** Adds a row; {@code null} cells print empty. */
    public void add(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(c == null ? "" : c.toString());
        }
        rows.add(r);
    }

    /** Prints the header, a rule and the rows. */
    public void print(PrintWriter out) {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        line(out, header, w);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            rule.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
        }
        out.println(rule);
        rows.forEach(r -> line(out, r, w));
        out.flush();
    }

    private static void line(PrintWriter out, List<String> cells, int[] w) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            String c = cells.get(i);
            boolean num = !c.isEmpty() && (Character.isDigit(c.charAt(0)) || c.charAt(0) == '-' && c.length() > 1 && Character.isDigit(c.charAt(1)));
            String pad = " ".repeat(w[i] - c.length());
            s.append(i == 0 ? "" : "  ").append(num ? pad + c : c + (i == w.length - 1 ? "" : pad));
        }
        out.println(s.toString().stripTrailing());
    }

    /** Short number format: 4 significant digits, scientific when tiny or huge. */
    public static String num(Double v) {
        if (v == null || v.isNaN()) {
            return "-";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            return String.format(java.util.Locale.ROOT, "%.3e", v);
        }
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
