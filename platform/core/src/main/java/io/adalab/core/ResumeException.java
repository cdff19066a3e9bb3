package io.adalab.core;

/** A run cannot resume: it does not exist, it finished, or its plan or plugins changed since. */
public final class ResumeException extends RuntimeException {
    private final boolean missing;

    ResumeException(String message, boolean missing) {
        super(message);
        this.missing = missing;
    }

    /** Whether the run does not exist at all (as opposed to existing but not resumable). */
    public boolean missing() {
        return missing;
    }
}
