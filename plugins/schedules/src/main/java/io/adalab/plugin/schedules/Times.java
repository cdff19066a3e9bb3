package io.adalab.plugin.schedules;

/** Checks shared by the rules. */
final class Times {
    private Times() {
    }

    static void requireNonNegative(long t) {
        if (t < 0) {
            throw new IllegalArgumentException("schedule time t must be >= 0, was " + t);
        }
    }
}
