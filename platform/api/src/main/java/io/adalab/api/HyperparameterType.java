package io.adalab.api;

/** The value type of a {@link Hyperparameter}. */
public enum HyperparameterType {
    /** A real number ({@code double}); bounds apply. */
    REAL,
    /** An integer ({@code long}); bounds apply. */
    INTEGER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** One of a fixed set of strings. */
    CHOICE,
    /** Free text, e.g. a path. */
    STRING,
    /** A list of integers, e.g. hidden layer sizes {@code [64, 32]}; bounds apply to each element. */
    INTEGER_LIST,
    /** A list of reals; bounds apply to each element. */
    REAL_LIST,
    /**
     * Another optimizer with its own hyperparameters, e.g. the inner optimizer of Lookahead:
     * {@code {optimizer: adam, lr: 0.01}}. Resolved by the platform through an
     * {@link OptimizerResolver}; read it with {@link Hyperparameters#optimizer(String)}.
     */
    OPTIMIZER;

    /** The name used in schemas and error messages, e.g. {@code "real"}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
