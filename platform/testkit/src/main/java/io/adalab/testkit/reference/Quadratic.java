package io.adalab.testkit.reference;

import com.fasterxml.jackson.databind.JsonNode;

/** f(x) = 0.5 x^T A x - b^T x with A and b embedded in the case file; grad = A x - b. */
final class Quadratic implements ReferenceProblem {
    private final double[][] a;
    private final double[] b;

    private Quadratic(double[][] a, double[] b) {
        this.a = a;
        this.b = b;
    }

    static Quadratic of(JsonNode parameters) {
        JsonNode rows = parameters.path("A");
        double[] b = ReferenceProblem.doubles(parameters.path("b"));
        double[][] a = new double[rows.size()][];
        for (int i = 0; i < a.length; i++) {
            a[i] = ReferenceProblem.doubles(rows.get(i));
            if (a[i].length != b.length) {
                throw new IllegalArgumentException("A is not " + b.length + " x " + b.length);
            }
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException("A has " + a.length + " rows, b has " + b.length + " entries");
        }
        return new Quadratic(a, b);
    }

    @Override public int dimension() {
        return b.length;
    }

    @Override public double lossAndGradient(double[] x, double[] grad) {
        double xAx = 0;
        double bx = 0;
        for (int i = 0; i < b.length; i++) {
            double ax = 0;
            for (int j = 0; j < b.length; j++) {
                ax += a[i][j] * x[j];
            }
            xAx += x[i] * ax;
            bx += b[i] * x[i];
            grad[i] = ax - b[i];
        }
        return 0.5 * xAx - bx;
    }
}
