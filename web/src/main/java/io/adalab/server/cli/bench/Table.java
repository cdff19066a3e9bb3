package io.adalab.server.cli.bench;

import io.adalab.server.cli.TextTable;
import java.io.PrintWriter;
import java.util.Locale;

/** The benchmark's table: rows go to the command line's {@link TextTable}; number formats live here. */
final class Table {
    private final TextTable table;
    private final int columns;

    Table(String... header) {
        this.table = new TextTable(header);
        this.columns = header.length;
    }

    void add(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException(cells.length + " cells for " + columns + " columns");
        }
        table.add((Object[]) cells);
    }

    void print(PrintWriter out) {
        table.print(out);
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
