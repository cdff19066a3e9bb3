package io.adalab.server.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * How the server listens.
 *
 * @param bind           address to bind, e.g. {@code 127.0.0.1} (the default) or {@code 0.0.0.0}
 * @param port           TCP port; 0 picks any free port
 * @param token          API token required for state-changing requests, or null/blank for none
 *                       (allowed only on a loopback address)
 * @param experimentsDir folder with the ready-made experiment specs ({@code *.yaml}), or null
 * @param maxBodyBytes   largest accepted request body in bytes
 */
public record ServerOptions(String bind, int port, String token, Path experimentsDir, long maxBodyBytes) {
    /** Default body limit: 1 MiB, far more than any experiment spec. */
    public static final long DEFAULT_MAX_BODY = 1L << 20;

    public ServerOptions {
        bind = bind == null || bind.isBlank() ? "127.0.0.1" : bind.trim();
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
        token = token == null || token.isBlank() ? null : token;
        maxBodyBytes = maxBodyBytes <= 0 ? DEFAULT_MAX_BODY : maxBodyBytes;
    }

    /** Loopback on {@code port}, no token, the default body limit. */
    public static ServerOptions loopback(int port, Path experimentsDir) {
        return new ServerOptions("127.0.0.1", port, null, experimentsDir, DEFAULT_MAX_BODY);
    }

    /** Whether a token is configured. */
    public boolean hasToken() {
        return token != null;
    }

    /** Whether {@link #bind()} is reachable only from this machine. */
    public boolean loopbackOnly() {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
