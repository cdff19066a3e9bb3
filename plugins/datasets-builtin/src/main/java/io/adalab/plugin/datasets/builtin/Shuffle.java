package io.adalab.plugin.datasets.builtin;

import java.util.SplittableRandom;

/** Fisher-Yates shuffles; the one place where example order is randomised. */
final class Shuffle {
    private Shuffle() {
    }

    /** Shuffles {@code a} in place, drawing from {@code rng}. */
    static void inPlace(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }
}
