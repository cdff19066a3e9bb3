package io.adalab.plugin.datasets.builtin;

import java.util.Locale;

/**
 * Per-feature scaling of a {@link Table}, fitted on the training rows only (so no test statistics
 * leak into training) and applied to every row.
 */
enum Normalization {
    /** z-score: {@code (x - mean) / std} with the training mean and population std; a constant feature is only centred. */
    STANDARD,
    /** {@code (x - min) / (max - min)} with the training min and max; a constant feature becomes 0. */
    MINMAX,
    /** Divide by 16, the largest digits pixel value: pixels in [0, 1], the classic digits scaling. */
    SCALE16,
    /** The raw values. */
    NONE;

    /** The choice string of a value, as in schemas ({@code "standard"}, ...). */
    String choice() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value of a choice string. */
    static Normalization of(String choice) {
        return valueOf(choice.toUpperCase(Locale.ROOT));
    }

    /** Rescales {@code x} ({@code rows x cols}, row-major) in place with statistics of {@code trainRows}. */
    void apply(double[] x, int cols, int[] trainRows) {
        if (this == NONE) {
            return;
        }
        for (int c = 0; c < cols; c++) {
            double shift;
            double scale;
            if (this == SCALE16) {
                shift = 0;
                scale = 16;
            } else if (this == STANDARD) {
                double sum = 0;
                for (int r : trainRows) {
                    sum += x[r * cols + c];
                }
                shift = sum / trainRows.length;
                double ss = 0;
                for (int r : trainRows) {
                    double d = x[r * cols + c] - shift;
                    ss += d * d;
                }
                double std = Math.sqrt(ss / trainRows.length);
                scale = std > 0 ? std : 1; // as scikit-learn's StandardScaler
            } else {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int r : trainRows) {
                    min = Math.min(min, x[r * cols + c]);
                    max = Math.max(max, x[r * cols + c]);
                }
                shift = min;
                scale = max > min ? max - min : 1;
            }
            for (int i = c; i < x.length; i += cols) {
                x[i] = (x[i] - shift) / scale;
            }
        }
    }
}
