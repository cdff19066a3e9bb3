package io.adalab.server.metrics;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * {@code http_server_requests_seconds{method, uri, status, outcome}}: {@code uri} is the route
 * template ({@code /api/v1/runs/{id}}), so the number of series is bounded by the routes, not by
 * the ids in the paths. Requests that matched no route are {@code NOT_FOUND} (404) or
 * {@code UNMATCHED} (static files, anything else).
 */
final class HttpMetrics {
    static final String NAME = "http.server.requests";
    private final MeterRegistry registry;

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(Context ctx, Float millis) {
        int status = ctx.statusCode();
        Timer.builder(NAME).description("HTTP requests, by route template")
            .tag("method", ctx.method().name())
            .tag("uri", template(ctx, status))
            .tag("status", Integer.toString(status))
            .tag("outcome", outcome(status))
            .register(registry)
            .record((long) (millis * 1_000_000.0), TimeUnit.NANOSECONDS);
    }

    static String template(Context ctx, int status) {
        Endpoint e;
        try {
            e = ctx.endpoint();
        } catch (RuntimeException notMatched) {
            e = null;
        }
        if (e != null && e.path != null && !e.path.isEmpty()) {
            return e.path;
        }
        return status == 404 ? "NOT_FOUND" : "UNMATCHED";
    }

    private static String outcome(int status) {
        if (status < 200) {
            return "INFORMATIONAL";
        } else if (status < 300) {
            return "SUCCESS";
        } else if (status < 400) {
            return "REDIRECTION";
        } else if (status < 500) {
            return "CLIENT_ERROR";
        }
        return "SERVER_ERROR";
    }
}
