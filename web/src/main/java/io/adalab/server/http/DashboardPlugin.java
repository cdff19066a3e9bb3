package io.adalab.server.http;

import io.javalin.config.JavalinState;
import io.javalin.http.staticfiles.Location;
import io.javalin.plugin.Plugin;

/**
 * The dashboard: static ES modules from the classpath ({@code /public}) and front-end libraries
 * from their WebJars ({@code /webjars/uplot/<version>/...}). No build step.
 */
final class DashboardPlugin extends Plugin<Void> {
    @Override public String name() {
        return "adalab-dashboard";
    }

    @Override public void onInitialize(JavalinState state) {
        state.staticFiles.add(f -> {
            f.hostedPath = "/";
            f.directory = "/public";
            f.location = Location.CLASSPATH;
            f.headers = java.util.Map.of("Cache-Control", "no-cache");
        });
        state.staticFiles.enableWebjars();
    }
}
