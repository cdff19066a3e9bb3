package io.adalab.core.plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** File-name rules for plugin jars, shared by the folder scan and uploads. */
public final class PluginFiles {
    private static final int MAX_NAME = 128;

    private PluginFiles() {
    }

    /**
     * A safe file name for an uploaded jar, or empty if there is none: the last path segment only
     * (no traversal), characters outside {@code [A-Za-z0-9._-]} replaced by {@code _}, no leading dot
     * (hidden files are ignored by the scan), at most 128 characters, ending in {@code .jar}.
     */
    public static Optional<String> safeJarName(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = raw.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder s = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_');
            s.append(ok ? c : '_');
        }
        name = s.toString().replaceFirst("^\\.+", "");
        if (!name.toLowerCase(Locale.ROOT).endsWith(".jar") || name.length() <= ".jar".length() || name.length() > MAX_NAME) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** Whether the scan considers {@code file}: a regular, non-hidden file named {@code *.jar}. */
    public static boolean isCandidate(Path file) {
        String n = file.getFileName().toString();
        return !n.startsWith(".") && n.toLowerCase(Locale.ROOT).endsWith(".jar") && Files.isRegularFile(file);
    }
}
