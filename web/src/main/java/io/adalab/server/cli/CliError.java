package io.adalab.server.cli;

/** A user-facing failure: printed as one line on stderr, with an exit code (2 = bad input). */
final class CliError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    CliError(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
