package io.adalab.plugin.datasets.builtin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Parses the shipped scikit-learn files (formats in the module README): the "counted header" CSV
 * ({@code n_samples,n_features,name_0,name_1,...}, then rows of features and a trailing integer
 * label) and the header-less gzip CSV of digits. Every error names the file and line.
 */
final class TableReader {
    private TableReader() {
    }

    /** Reads a counted-header CSV shipped next to this class. */
    static Table countedHeaderCsv(String file) throws IOException {
        try (BufferedReader in = open(file, false)) {
            String header = in.readLine();
            String[] h = header == null ? new String[0] : header.split(",", -1);
            if (h.length < 4) {
                throw bad(file, 1, "header must be n_samples,n_features,class names...; found " + header);
            }
            int rows = parseCount(file, h[0]);
            int cols = parseCount(file, h[1]);
            List<String> names = Arrays.asList(h).subList(2, h.length);
            return readRows(file, in, rows, cols, names, 2);
        } catch (IOException e) {
            throw named(file, e);
        }
    }

    /** Reads the header-less digits file: 64 pixel values and the digit per line. */
    static Table digits(String file, int rows) throws IOException {
        List<String> names = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        try (BufferedReader in = open(file, true)) {
            return readRows(file, in, rows, 64, names, 1);
        } catch (IOException e) {
            throw named(file, e); // a damaged gzip stream reports without the file name
        }
    }

    private static IOException named(String file, IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.startsWith(file) ? e : new IOException(file + ": " + message, e);
    }

    private static Table readRows(String file, BufferedReader in, int rows, int cols, List<String> names,
                                  int firstLine) throws IOException {
        double[] x = new double[rows * cols];
        int[] y = new int[rows];
        int line = firstLine;
        for (int r = 0; r < rows; r++, line++) {
            String text = in.readLine();
            if (text == null) {
                throw bad(file, line, "file ends after " + r + " of " + rows + " examples");
            }
            String[] f = text.split(",", -1);
            if (f.length != cols + 1) {
                throw bad(file, line, "expected " + (cols + 1) + " fields, found " + f.length);
            }
            try {
                for (int c = 0; c < cols; c++) {
                    x[r * cols + c] = Double.parseDouble(f[c]);
                }
                y[r] = Integer.parseInt(f[cols]);
            } catch (NumberFormatException e) {
                throw bad(file, line, "not a number: " + e.getMessage());
            }
            if (y[r] < 0 || y[r] >= names.size()) {
                throw bad(file, line, "label " + y[r] + " is not in [0, " + names.size() + ")");
            }
        }
        if (in.readLine() != null) {
            throw bad(file, line, "more than the " + rows + " examples expected");
        }
        return new Table(x, rows, cols, y, new ArrayList<>(names));
    }

    private static BufferedReader open(String file, boolean gzip) throws IOException {
        InputStream raw = TableReader.class.getResourceAsStream(file);
        if (raw == null) {
            throw new IOException(file + ": not found in the datasets-builtin plugin jar; reinstall the plugin");
        }
        InputStream in = raw;
        if (gzip) {
            try {
                in = new GZIPInputStream(raw);
            } catch (IOException e) {
                raw.close();
                throw e;
            }
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
    }

    private static int parseCount(String file, String s) throws IOException {
        try {
            int n = Integer.parseInt(s);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(file, 1, "expected a positive count, found '" + s + "'");
    }

    private static IOException bad(String file, int line, String what) {
        return new IOException(file + " line " + line + ": " + what);
    }
}
