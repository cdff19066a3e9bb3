package io.adalab.core.train;

/** A plugin threw while the trainer called it; ends the run FAILED with a short stack summary. */
final class PluginFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PluginFailure(String what, Throwable cause) {
        super(what + " threw " + summary(cause), cause);
    }

    /** {@code IllegalStateException: msg at a.B.c(B.java:12) < ...} — three frames at most. */
    static String summary(Throwable t) {
        StringBuilder s = new StringBuilder(t.getClass().getSimpleName());
        if (t.getMessage() != null) {
            s.append(": ").append(t.getMessage());
        }
        StackTraceElement[] st = t.getStackTrace();
        for (int i = 0; i < Math.min(3, st.length); i++) {
            s.append(i == 0 ? " at " : " < ").append(st[i].getClassName().replaceAll(".*\\.", ""))
                .append('.').append(st[i].getMethodName()).append(':').append(st[i].getLineNumber());
        }
        return s.toString();
    }
}
