package io.adalab.testkit.reference;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the reference trajectory folders shipped in {@code platform/testkit/reference}. */
public final class ReferenceFiles {
    /** System property naming the folder that holds the sets ({@code optimizers}, {@code optimizers-extra}). */
    public static final String PROPERTY = "adalab.reference.dir";

    private ReferenceFiles() {
    }

    /**
     * The folder of reference set {@code set} ({@code "optimizers"} or {@code "optimizers-extra"}):
     * {@code ${adalab.reference.dir}/<set>} when that property is set, otherwise
     * {@code platform/testkit/reference/<set>} found by walking up from the working directory.
     *
     * @throws IllegalStateException if the folder cannot be found
     */
    public static Path locate(String set) {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured).resolve(set);
            if (!Files.isDirectory(p)) {
                throw new IllegalStateException(PROPERTY + "=" + configured + " has no folder " + set);
            }
            return p;
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("platform").resolve("testkit").resolve("reference").resolve(set);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("no platform/testkit/reference/" + set + " above " + start
            + "; set -D" + PROPERTY + "=<folder holding " + set + ">");
    }
}
