package io.adalab.testkit.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Multinomial logistic regression, mean cross-entropy, full batch, on the case's data file with
 * {@code X = X_raw / 16}. Layout: {@code params[k * features + j] = W[k][j]}, then the biases.
 */
final class LogisticRegression implements ReferenceProblem {
    private final double[][] x;
    private final int[] y;
    private final int classes;
    private final int features;
    private final double[] z;

    private LogisticRegression(double[][] x, int[] y, int classes) {
        this.x = x;
        this.y = y;
        this.classes = classes;
        this.features = x.length == 0 ? 0 : x[0].length;
        this.z = new double[classes];
    }

    static LogisticRegression of(JsonNode parameters, Path caseFile, ObjectMapper mapper) throws IOException {
        String name = parameters.path("data_file").asText("");
        Path dataFile = caseFile.toAbsolutePath().resolveSibling(name);
        if (name.isEmpty() || !Files.isRegularFile(dataFile)) {
            throw new IOException("data file '" + name + "' not found next to " + caseFile);
        }
        JsonNode data = mapper.readTree(dataFile.toFile());
        JsonNode raw = data.path("X_raw");
        JsonNode labels = data.path("y");
        double scale = 16.0;
        double[][] x = new double[raw.size()][];
        int[] y = new int[labels.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = ReferenceProblem.doubles(raw.get(i));
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] /= scale;
            }
            y[i] = labels.get(i).asInt();
        }
        int classes = parameters.path("n_classes").asInt(data.path("n_classes").asInt(10));
        return new LogisticRegression(x, y, classes);
    }

    @Override public int dimension() {
        return classes * features + classes;
    }

    @Override public double lossAndGradient(double[] p, double[] grad) {
        java.util.Arrays.fill(grad, 0.0);
        int bias = classes * features;
        int n = x.length;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double[] xi = x[i];
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                double s = 0;
                int row = k * features;
                for (int j = 0; j < features; j++) {
                    s += xi[j] * p[row + j];
                }
                z[k] = s + p[bias + k];
                max = Math.max(max, z[k]);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                sum += Math.exp(z[k] - max);
            }
            double lse = max + Math.log(sum);
            loss += lse - z[y[i]];
            for (int k = 0; k < classes; k++) {
                double r = (Math.exp(z[k] - lse) - (k == y[i] ? 1 : 0)) / n;
                int row = k * features;
                for (int j = 0; j < features; j++) {
                    grad[row + j] += r * xi[j];
                }
                grad[bias + k] += r;
            }
        }
        return loss / n;
    }
}
