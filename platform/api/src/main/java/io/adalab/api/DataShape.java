package io.adalab.api;

import java.util.Arrays;
import java.util.List;

/**
 * The shape of a dataset's examples, which a {@link ModelFactory} builds a model for.
 *
 * @param features    shape of one example's features without the batch dimension, e.g. {@code [64]}
 *                    for a flat vector or {@code [1, 28, 28]} for a grey image (channels, height, width)
 * @param outputs     number of classes (classification), targets (regression) or the vocabulary size
 * @param task        what the labels mean
 * @param classNames  names of the classes, or empty
 */
public record DataShape(long[] features, int outputs, Task task, List<String> classNames) {
    public DataShape {
        features = features.clone();
        classNames = List.copyOf(classNames);
    }

    /** Number of feature values per example. */
    public long featureCount() {
        return Arrays.stream(features).reduce(1, (a, b) -> a * b);
    }

    @Override public long[] features() {
        return features.clone();
    }

    @Override public boolean equals(Object o) {
        return o instanceof DataShape d && Arrays.equals(d.features, features) && d.outputs == outputs
            && d.task == task && d.classNames.equals(classNames);
    }

    @Override public int hashCode() {
        return Arrays.hashCode(features) * 31 + outputs;
    }

    @Override public String toString() {
        return task + " " + Arrays.toString(features) + " -> " + outputs;
    }
}
