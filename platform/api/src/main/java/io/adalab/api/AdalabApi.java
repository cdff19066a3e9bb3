package io.adalab.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this API build, e.g. the version that plugins name in {@code Plugin-Requires}. */
public final class AdalabApi {
    /** The API version, semantic versioning; a plugin built against 0.1.x runs on any 0.1.y host. */
    public static final String VERSION = load();

    private AdalabApi() {
    }

    private static String load() {
        try (InputStream in = AdalabApi.class.getResourceAsStream("api.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("api.properties missing from adalab-api", e));
        }
    }
}
