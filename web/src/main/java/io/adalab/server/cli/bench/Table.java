package io.adalab.server.cli.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain text table: first column left-aligned, the others right-aligned. */
final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... header) {
        this.header = List.of(header);
    }

    void add(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + header.size() + " columns");
        }
        rows.add(List.of(cells));
    }

    void print(PrintWriter out) {
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
    }

    private static void line(PrintWriter out, List<String> cells, int[] w) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            String c = cells.get(i);
            String pad = " ".repeat(w[i] - c.length());
            s.append(i == 0 ? c + pad : "  " + pad + c);
        }
        out.println(s.toString().stripTrailing());
    }

    /** {@code digits} decimals. */
    static String fixed(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : "-";
    }

    /** A parameter count as {@code 1e6} when it is a power of ten, else in full. */
    static String size(int n) {
        int e = 0;
        int m = n;
        while (m >= 10 && m % 10 == 0) {
            m /= 10;
            e++;
        }
        return m == 1 && e > 0 ? "1e" + e : m < 10 && e >= 3 ? m + "e" + e : Integer.toString(n);
    }
}
