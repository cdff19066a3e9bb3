/**
 * The server's side of metrics: the Prometheus registry with JVM, process, Jetty and HTTP meters
 * beside the platform's ({@link io.adalab.server.metrics.ServerMetrics}), and the Javalin plugin that
 * serves {@code GET /metrics} ({@link io.adalab.server.metrics.MetricsPlugin}).
 */
package io.adalab.server.metrics;
