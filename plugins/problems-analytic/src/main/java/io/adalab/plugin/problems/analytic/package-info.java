/**
 * Analytic optimization problems as {@link io.adalab.api.Objective} extensions: Rosenbrock, Beale,
 * an ill-conditioned quadratic and its noisy-gradient variant. Pure Java on {@link io.adalab.api.Vec}
 * (float32 or float64 storage; arithmetic in double), no ND4J.
 */
package io.adalab.plugin.problems.analytic;
