package io.adalab.plugin.problems.analytic;

import java.util.Random;

/**
 * A random orthogonal matrix: the Q factor of a matrix of independent standard normal entries,
 * orthonormalised by modified Gram-Schmidt (run twice for numerical orthogonality). Gram-Schmidt
 * yields the QR factorisation whose R has a positive diagonal, which makes Q Haar-distributed
 * (Mezzadri, F. (2007). How to generate random matrices from the classical compact groups.
 * Notices of the AMS 54(5)).
 */
final class RandomOrthogonal {
    private RandomOrthogonal() {
    }

    /** Draws an {@code n x n} Gaussian matrix from {@code rng} (row-major) and returns its Q, row-major. */
    static double[] draw(int n, Random rng) {
        double[] q = new double[n * n];
        for (int i = 0; i < q.length; i++) {
            q[i] = rng.nextGaussian();
        }
        for (int j = 0; j < n; j++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < j; k++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += q[i * n + k] * q[i * n + j];
                    }
                    for (int i = 0; i < n; i++) {
                        q[i * n + j] -= dot * q[i * n + k];
                    }
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += q[i * n + j] * q[i * n + j];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                q[i * n + j] /= norm;
            }
        }
        return q;
    }
}
