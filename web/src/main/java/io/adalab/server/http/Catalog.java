package io.adalab.server.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The ready-made experiments: the {@code *.yaml} files of a folder (the distribution's
 * {@code experiments/}), each described by the comment lines at its top. Read on every request,
 * so files added while the server runs appear.
 */
public final class Catalog {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,100}");
    private final Path folder;

    /** One ready-made experiment. */
    public record Entry(String name, String file, String title, String description, String source) {
    }

    public Catalog(Path folder) {
        this.folder = folder;
    }

    /** All entries, sorted by file name. */
    public List<Entry> entries() {
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.sorted().toList()) {
                String f = p.getFileName().toString();
                if ((f.endsWith(".yaml") || f.endsWith(".yml")) && Files.isRegularFile(p)) {
                    out.add(read(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The entry called {@code name} (file name without extension). */
    public Optional<Entry> find(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return entries().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    private static Entry read(Path p) {
        String source;
        try {
            source = Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String f = p.getFileName().toString();
        String name = f.substring(0, f.lastIndexOf('.'));
        List<String> comment = new ArrayList<>();
        for (String line : source.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("#")) {
                comment.add(t.replaceFirst("^#+\\s?", ""));
            } else if (!t.isEmpty() || !comment.isEmpty()) {
                break;
            }
        }
        String title = comment.isEmpty() ? name : comment.get(0);
        String description = comment.size() > 1 ? String.join("\n", comment.subList(1, comment.size())).strip() : "";
        return new Entry(name, f, title, description, source);
    }
}
