package io.adalab.api;

/**
 * A configuration value is missing, of the wrong type, or out of range. The message names the
 * field and what is allowed; {@link #field()} is the dotted path of the offending key
 * (e.g. {@code "compare[1].lr"} once the platform has placed it in an experiment file).
 */
public class HyperparameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public HyperparameterException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The key (or dotted path) the problem is about. */
    public String field() {
        return field;
    }
}
