package io.adalab.api;

import java.util.Arrays;

/**
 * One tensor of a model's parameters inside the flat parameter vector: usually one layer's weights
 * or biases. Layer-wise methods (LAMB, LARS) compute their norms per group; the platform reports
 * per-layer telemetry per group.
 *
 * @param name   stable name, e.g. {@code "0_W"} (layer 0, weights) or {@code "x"} for an analytic problem
 * @param offset index of the first element in the flat vector
 * @param length number of elements
 * @param shape  the tensor's shape (product equals {@code length}); informative
 */
public record ParameterGroup(String name, int offset, int length, long[] shape) {
    public ParameterGroup {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("group " + name + ": negative offset or length");
        }
        shape = shape.clone();
    }

    /** A one-dimensional group. */
    public static ParameterGroup of(String name, int offset, int length) {
        return new ParameterGroup(name, offset, length, new long[] {length});
    }

    /** One past the last index. */
    public int end() {
        return offset + length;
    }

    @Override public long[] shape() {
        return shape.clone();
    }

    @Override public boolean equals(Object o) {
        return o instanceof ParameterGroup g && g.name.equals(name) && g.offset == offset
            && g.length == length && Arrays.equals(g.shape, shape);
    }

    @Override public int hashCode() {
        return (name.hashCode() * 31 + offset) * 31 + length;
    }

    @Override public String toString() {
        return name + "[" + offset + ".." + end() + ")" + Arrays.toString(shape);
    }
}
