package io.adalab.server.http;

import io.adalab.core.Workbench;
import io.adalab.server.live.LiveHub;
import io.adalab.server.metrics.ServerMetrics;
import java.time.Instant;

/**
 * What the web areas share: the platform, the server's options and its live parts.
 *
 * @param workbench   the platform (store, planner, scheduler, plugins)
 * @param options     how the server listens
 * @param hub         live fan-out
 * @param catalog     the ready-made experiments
 * @param routes      every REST route with its description (for OpenAPI)
 * @param startedAt   when the server started
 * @param metrics     the one meter registry: {@code /metrics} and the {@code health} topic read it
 */
public record WebContext(Workbench workbench, ServerOptions options, LiveHub hub, Catalog catalog,
                         RouteTable routes, Instant startedAt, ServerMetrics metrics) {
}
