package io.adalab.core.spec;

/**
 * An experiment spec is invalid. The message names the field (a dotted path such as
 * {@code compare[1].lr}), the line where known, and what is allowed.
 */
public final class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final int line;

    public SpecException(String field, int line, String message) {
        super(message);
        this.field = field;
        this.line = line;
    }

    /** Dotted path of the offending key, or empty for the whole document. */
    public String field() {
        return field;
    }

    /** 1-based line in the source text, or 0 if unknown. */
    public int line() {
        return line;
    }

    /** One line for people: {@code line 12: compare[1].lr: 'lr' is -1, must be a number > 0}. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (line > 0) {
            s.append("line ").append(line).append(": ");
        }
        if (!field.isEmpty() && !getMessage().startsWith(field)) {
            s.append(field).append(": ");
        }
        return s.append(getMessage()).toString();
    }
}
