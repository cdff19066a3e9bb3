package io.adalab.api;

/** Floating-point precision of a parameter vector and of the optimizer state that belongs to it. */
public enum DType {
    /** IEEE 754 single precision, the default for neural networks. */
    FLOAT32,
    /** IEEE 754 double precision: analytic problems, reference replays, gradient checks. */
    FLOAT64;

    /** Bytes per element. */
    public int bytes() {
        return this == FLOAT32 ? 4 : 8;
    }
}
