package io.adalab.server;

import io.adalab.server.cli.AdalabCommand;

/** Entry point of the distribution: the {@code adalab} command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(AdalabCommand.execute(args));
    }
}
