package io.adalab.testkit.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** A case file's objective, with its exact gradient, in float64. */
interface ReferenceProblem {

    /** Number of parameters. */
    int dimension();

    /** Returns f(x) and writes the gradient into {@code grad}. */
    double lossAndGradient(double[] x, double[] grad);

    /**
     * Builds the problem described by {@code problem}; {@code caseFile} locates data files.
     *
     * @throws UnsupportedOperationException for an unknown problem name
     * @throws IOException if a data file is missing or unreadable
     */
    static ReferenceProblem of(JsonNode problem, Path caseFile, ObjectMapper mapper) throws IOException {
        String name = problem.path("name").asText("");
        JsonNode p = problem.path("parameters");
        return switch (name) {
            case "rosenbrock" -> new Rosenbrock(p.path("a").asDouble(1.0), p.path("b").asDouble(100.0));
            case "quadratic" -> Quadratic.of(p);
            case "logistic_regression" -> LogisticRegression.of(p, caseFile, mapper);
            default -> throw new UnsupportedOperationException("unknown problem '" + name + "'");
        };
    }

    /** Reads a JSON array of numbers. */
    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
