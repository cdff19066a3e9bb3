package io.adalab.core.plugin;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A jar loaded from {@code source}: the copy PF4J loaded, its hash, plugin and class loader. */
final class LoadedJar {
    final Path source;
    final Path copy;
    final String sha256;
    final String id;
    final String version;
    final ParentFirstClassLoader loader;
    final List<String> extensions;
    final Instant at = Instant.now();
    JarFingerprint fingerprint;

    LoadedJar(Path source, JarFingerprint fp, Path copy, String sha256, String id, String version,
              ParentFirstClassLoader loader, List<String> extensions) {
        this.source = source;
        this.fingerprint = fp;
        this.copy = copy;
        this.sha256 = sha256;
        this.id = id;
        this.version = version;
        this.loader = loader;
        this.extensions = extensions;
    }

    /** For event messages: the runs that keep this version after it left the registry, if any. */
    String stillUsed() {
        int n = loader.leases();
        return n == 0 ? "" : "; " + n + " run(s) in flight keep version " + version;
    }
}
