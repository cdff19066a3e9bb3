package io.adalab.plugin.datasets.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Isotropic Gaussian blobs: class centres {@code c_k ~ N(0, classSep^2 I)}, example {@code i} of
 * class {@code i mod classes} (balanced) at {@code c_k + noise * N(0, I)}. Everything comes from one
 * {@link Random}{@code (seed)} (an algorithm the JDK specifies, so identical on every JVM): first
 * the centres, class by class, then the examples in order.
 */
final class Blobs {
    private Blobs() {
    }

    static Table generate(int samples, int features, int classes, double classSep, double noise, long seed) {
        Random rng = new Random(seed);
        double[] centres = new double[classes * features];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = classSep * rng.nextGaussian();
        }
        double[] x = new double[samples * features];
        int[] y = new int[samples];
        for (int i = 0; i < samples; i++) {
            y[i] = i % classes;
            for (int f = 0; f < features; f++) {
                x[i * features + f] = centres[y[i] * features + f] + noise * rng.nextGaussian();
            }
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            names.add("class_" + k);
        }
        return new Table(x, samples, features, y, names);
    }
}
