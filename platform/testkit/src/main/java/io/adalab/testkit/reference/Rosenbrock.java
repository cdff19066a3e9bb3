package io.adalab.testkit.reference;

/** f(x, y) = (a - x)^2 + b (y - x^2)^2, params = [x, y]. */
record Rosenbrock(double a, double b) implements ReferenceProblem {

    @Override public int dimension() {
        return 2;
    }

    @Override public double lossAndGradient(double[] p, double[] grad) {
        double x = p[0];
        double y = p[1];
        double r = y - x * x;
        grad[0] = -2 * (a - x) - 4 * b * x * r;
        grad[1] = 2 * b * r;
        return (a - x) * (a - x) + b * r * r;
    }
}
