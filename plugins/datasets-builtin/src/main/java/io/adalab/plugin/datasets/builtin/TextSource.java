package io.adalab.plugin.datasets.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Where a text corpus comes from: one file, every regular file of a folder (recursively, sorted by
 * path, hidden files skipped, concatenated in that order), or the corpus shipped in this jar. Files
 * ending in {@code .gz} are decompressed while read. Opened twice (vocabulary, then encoding), never
 * held in memory.
 *
 * @param name  how messages name the corpus
 * @param files the files in reading order, or empty for the shipped corpus
 */
record TextSource(String name, List<Path> files) {
    /** The shipped corpus, a resource next to this class. */
    static final String SHIPPED = "kjv-genesis-exodus.txt";

    /** The shipped corpus. */
    static TextSource shipped() {
        return new TextSource("shipped corpus " + SHIPPED, List.of());
    }

    /** A file or a folder of files. */
    static TextSource of(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return new TextSource(path.toString(), List.of(path));
        }
        if (!Files.isDirectory(path)) {
            throw new NoSuchFileException(path.toString(), null, "text: " + path + " is neither a file nor a folder");
        }
        try (Stream<Path> s = Files.walk(path)) {
            List<Path> files = s.filter(Files::isRegularFile)
                .filter(p -> !hidden(path.relativize(p)))
                .sorted()
                .toList();
            if (files.isEmpty()) {
                throw new NoSuchFileException(path.toString(), null, "text: folder " + path + " holds no files");
            }
            return new TextSource(path.toString(), files);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Opens file {@code i} (or the shipped corpus for {@code i == 0} when there are no files). */
    InputStream open(int i) throws IOException {
        if (files.isEmpty()) {
            InputStream in = TextSource.class.getResourceAsStream(SHIPPED);
            if (in == null) {
                throw new NoSuchFileException(SHIPPED, null, "the shipped corpus is missing from the plugin jar");
            }
            return in;
        }
        Path p = files.get(i);
        InputStream in = Files.newInputStream(p);
        return p.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** Name of part {@code i}, for messages. */
    String part(int i) {
        return files.isEmpty() ? name : files.get(i).toString();
    }

    /** Number of parts. */
    int parts() {
        return Math.max(1, files.size());
    }
}
