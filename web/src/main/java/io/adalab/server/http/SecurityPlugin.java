package io.adalab.server.http;

import io.adalab.server.live.LivePlugin;
import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.plugin.Plugin;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Guards state-changing requests (POST, PUT, PATCH, DELETE under {@code /api/v1}):
 * <ul>
 *   <li>the API token ({@code Authorization: Bearer ...}) when the server listens beyond loopback;</li>
 *   <li>a browser's {@code Origin} must be this server, so another web site cannot launch or delete
 *       experiments through a user's browser (even on loopback);</li>
 *   <li>the body size limit, checked before the body is read ({@link PluginApi#MAX_UPLOAD} for plugin uploads).</li>
 * </ul>
 */
final class SecurityPlugin extends Plugin<Void> {
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private final ServerOptions options;
    private final boolean tokenRequired;

    SecurityPlugin(ServerOptions options) {
        this.options = options;
        this.tokenRequired = options.hasToken() && !options.loopbackOnly();
    }

    @Override public String name() {
        return "adalab-security";
    }

    /** Refuses options that would expose state changes to the network without a token. */
    static void check(ServerOptions o) {
        if (!o.loopbackOnly() && !o.hasToken()) {
            throw new IllegalArgumentException("refusing to listen on " + o.bind() + " without an API token: anyone who can "
                + "reach it could launch and delete experiments. Set a token (--token or ADALAB_TOKEN) or bind 127.0.0.1.");
        }
    }

    @Override public void onInitialize(JavalinState state) {
        state.routes.before(RouteTable.PREFIX + "/*", this::guard);
    }

    /** Bodies over the limit but at most this large are read and discarded before the 413 (see guard). */
    private static final long DRAIN_LIMIT = 4L << 20;

    private void guard(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        long limit = isPluginUpload(ctx) ? PluginApi.MAX_UPLOAD : options.maxBodyBytes();
        if (length > limit) {
            if (length <= DRAIN_LIMIT) {
                // read the rest first: a client still sending when the connection closes may never see the 413
                try {
                    ctx.req().getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                } catch (java.io.IOException e) {
                    // the client went away; nothing to answer
                }
            }
            throw new ApiError(413, "body_too_large", "the request body has " + length + " bytes; the limit is "
                + limit, null);
        }
        if (!CHANGING.contains(ctx.method().toString()) || ctx.path().equals(LivePlugin.PATH)) {
            return;
        }
        if (!LivePlugin.sameOrigin(ctx.header("Origin"), ctx.header("Host"))) {
            throw new ApiError(403, "forbidden_origin", "requests from " + ctx.header("Origin") + " may not change state here", null);
        }
        if (tokenRequired && !tokenMatches(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiError(401, "unauthorized", "this server listens beyond loopback: send the API token as "
                + "'Authorization: Bearer <token>'", null);
        }
    }

    /** Plugin jars have their own, larger limit (enforced again while the upload is copied). */
    private static boolean isPluginUpload(Context ctx) {
        return ctx.method().toString().equals("POST") && ctx.path().equals(RouteTable.PREFIX + "/plugins");
    }

    private boolean tokenMatches(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, options.token().getBytes(StandardCharsets.UTF_8));
    }
}
