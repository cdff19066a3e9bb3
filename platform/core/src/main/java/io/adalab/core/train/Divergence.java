package io.adalab.core.train;

/** The run left the finite world; ends it DIVERGED with the step and reason. */
final class Divergence extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Divergence(String message) {
        super(message, null, false, false);
    }
}
