/**
 * The Adalab plugin SPI: everything a plugin author compiles against.
 *
 * <p>Five extension points, each a PF4J {@link org.pf4j.ExtensionPoint}:
 * {@link io.adalab.api.Optimizer}, {@link io.adalab.api.LearningRateSchedule},
 * {@link io.adalab.api.ModelFactory}, {@link io.adalab.api.DatasetProvider} and
 * {@link io.adalab.api.Objective}. Each is described by an id, a display name and a
 * {@link io.adalab.api.HyperparameterSchema}; the platform validates user configuration
 * against the schema and hands the plugin an immutable {@link io.adalab.api.Hyperparameters}.
 *
 * <p>Configuration and state are separate: an extension creates a per-run object
 * ({@link io.adalab.api.UpdateRule}, {@link io.adalab.api.ScheduleRule}, ...) from its
 * configuration, and an optimizer's per-parameter state lives in {@link io.adalab.api.Vec}
 * buffers the platform owns (so checkpoints and telemetry come for free).
 *
 * <p>Stability: this package is the stable surface; types marked {@link io.adalab.api.Incubating}
 * may still change between minor versions.
 */
package io.adalab.api;
