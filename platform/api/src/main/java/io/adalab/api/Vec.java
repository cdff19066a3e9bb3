package io.adalab.api;

import java.util.Arrays;

/**
 * A dense vector of parameters, gradients or optimizer state, owned by the platform.
 *
 * <p>Optimizers read and write elements with {@link #get(int)} and {@link #set(int, double)} in one
 * fused loop over all buffers; arithmetic happens in {@code double} whatever the storage precision,
 * and a {@link DType#FLOAT32} vector rounds on {@code set}. The JIT inlines these calls, so such a
 * loop runs at memory bandwidth: write it that way rather than allocating temporaries.
 *
 * <p>Indices are positions in the flat parameter vector of a run; {@link ParameterGroup} gives the
 * offset and length of each layer. A {@code Vec} is not thread-safe.
 */
public abstract sealed class Vec permits Vec.F32, Vec.F64 {

    /** Wraps (does not copy) a double array. */
    public static Vec of(double[] values) {
        return new F64(values);
    }

    /** Wraps (does not copy) a float array. */
    public static Vec of(float[] values) {
        return new F32(values);
    }

    /** A new zero vector of the given precision and length. */
    public static Vec zeros(DType dtype, int length) {
        return dtype == DType.FLOAT32 ? new F32(new float[length]) : new F64(new double[length]);
    }

    /** Number of elements. */
    public abstract int length();

    /** Element {@code i}, widened to double. */
    public abstract double get(int i);

    /** Sets element {@code i}, rounding to the storage precision. */
    public abstract void set(int i, double value);

    /** Storage precision. */
    public abstract DType dtype();

    /** Sets every element to {@code value}. */
    public abstract void fill(double value);

    /** Copies all elements of {@code other} (same length) into this vector. */
    public void copyFrom(Vec other) {
        if (other.length() != length()) {
            throw new IllegalArgumentException("length " + other.length() + " != " + length());
        }
        for (int i = 0, n = length(); i < n; i++) {
            set(i, other.get(i));
        }
    }

    /** A new vector of the same precision and contents. */
    public abstract Vec copy();

    /** The elements as a new double array. */
    public double[] toDoubleArray() {
        double[] out = new double[length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = get(i);
        }
        return out;
    }

    /** Euclidean norm of elements {@code [offset, offset + length)}. */
    public double norm(int offset, int length) {
        double s = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            double x = get(i);
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** Euclidean norm of all elements. */
    public double norm() {
        return norm(0, length());
    }

    /** Single-precision storage. */
    public static final class F32 extends Vec {
        private final float[] data;

        F32(float[] data) {
            this.data = data;
        }

        /** The backing array (not a copy), for code that wants to specialise on float32. */
        public float[] array() {
            return data;
        }

        @Override public int length() {
            return data.length;
        }

        @Override public double get(int i) {
            return data[i];
        }

        @Override public void set(int i, double value) {
            data[i] = (float) value;
        }

        @Override public DType dtype() {
            return DType.FLOAT32;
        }

        @Override public void fill(double value) {
            Arrays.fill(data, (float) value);
        }

        @Override public Vec copy() {
            return new F32(data.clone());
        }
    }

    /** Double-precision storage. */
    public static final class F64 extends Vec {
        private final double[] data;

        F64(double[] data) {
            this.data = data;
        }

        /** The backing array (not a copy), for code that wants to specialise on float64. */
        public double[] array() {
            return data;
        }

        @Override public int length() {
            return data.length;
        }

        @Override public double get(int i) {
            return data[i];
        }

        @Override public void set(int i, double value) {
            data[i] = value;
        }

        @Override public DType dtype() {
            return DType.FLOAT64;
        }

        @Override public void fill(double value) {
            Arrays.fill(data, value);
        }

        @Override public Vec copy() {
            return new F64(data.clone());
        }
    }
}
