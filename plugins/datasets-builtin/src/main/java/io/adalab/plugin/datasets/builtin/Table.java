package io.adalab.plugin.datasets.builtin;

import java.util.List;

/**
 * A labelled classification table in memory.
 *
 * @param x          features, row-major, {@code rows * cols} values
 * @param rows       number of examples
 * @param cols       number of features
 * @param y          class index of each example, in {@code [0, classNames.size())}
 * @param classNames names of the classes, in label order
 */
record Table(double[] x, int rows, int cols, int[] y, List<String> classNames) {
    Table {
        classNames = List.copyOf(classNames);
        if (x.length != (long) rows * cols || y.length != rows) {
            throw new IllegalArgumentException("table arrays do not match " + rows + " x " + cols);
        }
    }

    /** Number of classes. */
    int classes() {
        return classNames.size();
    }

    /** Examples per class. */
    int[] classCounts() {
        int[] counts = new int[classes()];
        for (int label : y) {
            counts[label]++;
        }
        return counts;
    }
}
