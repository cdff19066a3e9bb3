package io.adalab.server.live;

import io.javalin.config.JavalinState;
import io.javalin.http.ForbiddenResponse;
import io.javalin.plugin.Plugin;
import io.javalin.websocket.WsContext;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * The WebSocket {@code /api/v1/live}. Browsers must come from the server's own origin (a page on
 * another site cannot read a user's runs); clients without an {@code Origin} header (scripts) are
 * accepted.
 */
public final class LivePlugin extends Plugin<Void> {
    /** Where the socket is served. */
    public static final String PATH = "/api/v1/live";
    private static final String CLIENT = "adalab.client";
    private final LiveHub hub;

    public LivePlugin(LiveHub hub) {
        this.hub = hub;
    }

    @Override public String name() {
        return "adalab-live";
    }

    @Override public void onInitialize(JavalinState state) {
        state.routes.wsBeforeUpgrade(PATH, ctx -> {
            if (!sameOrigin(ctx.header("Origin"), ctx.header("Host"))) {
                throw new ForbiddenResponse("WebSocket origin " + ctx.header("Origin") + " is not this server");
            }
        });
        state.routes.ws(PATH, ws -> {
            ws.onConnect(ctx -> {
                ctx.attribute(CLIENT, hub.connect(ctx.sessionId(), new JettySink(ctx.session)));
            });
            ws.onMessage(ctx -> {
                LiveClient c = client(ctx);
                if (c != null) {
                    hub.receive(c, ctx.message());
                }
            });
            ws.onClose(ctx -> release(ctx));
            ws.onError(ctx -> release(ctx));
        });
    }

    private static LiveClient client(WsContext ctx) {
        return ctx.attribute(CLIENT);
    }

    private void release(WsContext ctx) {
        LiveClient c = client(ctx);
        if (c != null) {
            hub.disconnect(c);
        }
    }

    /** Whether a browser's {@code Origin} names the host it connected to (absent: not a browser). */
    public static boolean sameOrigin(String origin, String host) {
        if (origin == null || origin.isBlank()) {
            return true;
        }
        if (host == null) {
            return false;
        }
        try {
            URI u = URI.create(origin);
            String authority = u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Jetty 12's asynchronous send. Frames are already UTF-8, so they go to Jetty's core session as
     * text frames (what {@code Session.sendText} does after encoding a String), sparing a String and
     * an encoding per client per frame.
     */
    private record JettySink(Session session) implements LiveClient.Sink {
        @Override public void send(ByteBuffer text, Runnable done, Consumer<Throwable> failed) {
            if (session instanceof WebSocketSession s) {
                s.getCoreSession().sendFrame(new Frame(OpCode.TEXT, text), org.eclipse.jetty.util.Callback.from(done, failed), false);
            } else {
                session.sendText(StandardCharsets.UTF_8.decode(text).toString(), Callback.from(done, failed));
            }
        }

        @Override public boolean isOpen() {
            return session.isOpen();
        }

        @Override public void close() {
            session.close();
        }
    }
}
