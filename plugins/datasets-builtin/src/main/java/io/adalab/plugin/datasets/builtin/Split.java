package io.adalab.plugin.datasets.builtin;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A stratified train/test split: each class contributes to the test set in proportion to its size.
 * The test set has {@code round(testFraction * n)} examples; each class gets the floor of its share
 * and the remaining places go to the classes with the largest fractional parts (ties to the lower
 * class index). Which examples of a class go to test is decided by a Fisher-Yates shuffle from
 * {@link SplittableRandom}{@code (seed)}, visiting classes in label order. Both index arrays are
 * returned in ascending (file) order.
 *
 * @param train row indices of the training examples, ascending
 * @param test  row indices of the test examples, ascending
 */
record Split(int[] train, int[] test) {

    static Split stratified(int[] labels, int classes, double testFraction, long seed) {
        int n = labels.length;
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        int[] testPerClass = allocate(counts, testFraction, (int) Math.round(testFraction * n));
        int[][] byClass = new int[classes][];
        int[] fill = new int[classes];
        for (int c = 0; c < classes; c++) {
            byClass[c] = new int[counts[c]];
        }
        for (int i = 0; i < n; i++) {
            byClass[labels[i]][fill[labels[i]]++] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int total = Arrays.stream(testPerClass).sum();
        int[] test = new int[total];
        int[] train = new int[n - total];
        int t = 0;
        int r = 0;
        for (int c = 0; c < classes; c++) {
            int[] rows = byClass[c];
            Shuffle.inPlace(rows, rng);
            for (int k = 0; k < rows.length; k++) {
                if (k < testPerClass[c]) {
                    test[t++] = rows[k];
                } else {
                    train[r++] = rows[k];
                }
            }
        }
        Arrays.sort(train);
        Arrays.sort(test);
        return new Split(train, test);
    }

    /** Largest-remainder allocation of {@code total} test places to the classes. */
    private static int[] allocate(int[] counts, double fraction, int total) {
        int[] out = new int[counts.length];
        double[] remainder = new double[counts.length];
        int given = 0;
        for (int c = 0; c < counts.length; c++) {
            double share = fraction * counts[c];
            out[c] = (int) Math.floor(share);
            remainder[c] = share - out[c];
            given += out[c];
        }
        while (given < total) {
            int best = -1;
            for (int c = 0; c < counts.length; c++) {
                if (out[c] < counts[c] && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            out[best]++;
            remainder[best] = -1;
            given++;
        }
        return out;
    }
}
