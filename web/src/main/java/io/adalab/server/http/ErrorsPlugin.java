package io.adalab.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.adalab.core.spec.SpecException;
import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.plugin.Plugin;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error as JSON {@code {error, detail, field}}: the caller's mistakes as 4xx (an invalid
 * spec carries its field and line), anything else as a logged 500, which is a bug.
 */
final class ErrorsPlugin extends Plugin<Void> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorsPlugin.class);

    @Override public String name() {
        return "adalab-errors";
    }

    @Override public void onInitialize(JavalinState state) {
        state.routes.exception(ApiError.class, (e, ctx) -> send(ctx, e.status(), e.error(), e.getMessage(), e.field(), 0));
        state.routes.exception(SpecException.class, (e, ctx) ->
            send(ctx, 400, "invalid_spec", e.describe(), e.field(), e.line()));
        state.routes.exception(JsonProcessingException.class, (e, ctx) ->
            send(ctx, 400, "bad_json", e.getOriginalMessage(), null, 0));
        state.routes.exception(HttpResponseException.class, (e, ctx) ->
            send(ctx, e.getStatus(), code(e.getStatus()), e.getMessage(), null, 0));
        state.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            send(ctx, 500, "internal", "the server failed: " + e, null, 0);
        });
    }

    static void send(Context ctx, int status, String error, String detail, String field, int line) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", error);
        m.put("detail", detail);
        m.put("field", field == null || field.isEmpty() ? null : field);
        if (line > 0) {
            m.put("line", line);
        }
        ctx.status(status).contentType("application/json").result(WebJson.write(m));
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
            case 413 -> "body_too_large";
            case 415 -> "unsupported_media_type";
            default -> status >= 500 ? "internal" : "error";
        };
    }
}
