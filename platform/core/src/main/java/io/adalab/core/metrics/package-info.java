/**
 * Micrometer meters for runs and for the platform: the single source of numbers for both
 * Prometheus ({@code /metrics}) and the dashboard's health panel.
 *
 * <p>{@link io.adalab.core.metrics.RunMetrics} is a {@link io.adalab.core.events.RunListener} and a
 * {@link io.micrometer.core.instrument.binder.MeterBinder} that keeps per-run gauges, a step counter
 * and a step timer, labelled {@code experiment}, {@code run} and {@code optimizer}.
 * {@link io.adalab.core.metrics.PlatformMetrics} binds the scheduler, store and plugin numbers.
 * {@link io.adalab.core.metrics.HealthSnapshot} reads a flat map of numbers back from a registry for
 * the dashboard. Meter names are in {@link io.adalab.core.metrics.MeterNames}.
 */
package io.adalab.core.metrics;
