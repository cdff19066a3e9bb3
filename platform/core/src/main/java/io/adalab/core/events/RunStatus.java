package io.adalab.core.events;

/** Life cycle of a run. */
public enum RunStatus {
    QUEUED, RUNNING, FINISHED, DIVERGED, FAILED, CANCELLED, INTERRUPTED;

    /** Whether the run has ended. */
    public boolean terminal() {
        return this != QUEUED && this != RUNNING;
    }
}
