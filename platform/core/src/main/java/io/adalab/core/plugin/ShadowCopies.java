package io.adalab.core.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The private folder plugins are loaded from: every jar is copied there first, so the jar in the
 * plugin folder may be overwritten or deleted at any time without breaking the version in use.
 */
final class ShadowCopies {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    private final Path root;
    private final AtomicLong generation = new AtomicLong();

    ShadowCopies() {
        try {
            this.root = Files.createTempDirectory("adalab-plugins-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for plugin copies", e);
        }
    }

    /** The folder PF4J loads from. */
    Path root() {
        return root;
    }

    /** Copies {@code source} into a folder of its own (one per generation, so versions never collide). */
    Path copy(Path source) throws IOException {
        Path copy = root.resolve(Long.toString(generation.incrementAndGet())).resolve(source.getFileName().toString());
        Files.createDirectories(copy.getParent());
        Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    /** Copies {@code target} aside, to put it back if an install fails. */
    Path backup(Path target) throws IOException {
        Path backup = root.resolve("backup-" + generation.incrementAndGet() + ".jar");
        Files.copy(target, backup);
        return backup;
    }

    /** Deletes a copy and its generation folder, leaving it for {@link #deleteAll} if that fails. */
    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
            Files.deleteIfExists(p.getParent());
        } catch (IOException e) {
            // a leftover copy in the temp folder; removed on close
        }
    }

    /** Removes the folder with every copy (host shutdown). */
    void deleteAll() {
        try (var walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("removing {}: {}", root, e.toString());
        }
    }

    /** Moves atomically where the file system can, so the watcher never sees half a jar. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** @throws UncheckedIOException if the file cannot be read */
    static String sha256(Path f) {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
