/**
 * Learning-rate-free optimizers and optimizer wrappers: D-Adaptation ({@code dadapt_sgd},
 * {@code dadapt_adam}), Prodigy, DoG, Schedule-Free ({@code sf_sgd}, {@code sf_adamw}),
 * COCOB-Backprop, and the wrappers Lookahead and Mechanic.
 *
 * <p>Each optimizer follows its authors' published PyTorch code (the one the reference
 * trajectories in {@code platform/testkit/reference/optimizers-extra} were produced with),
 * including the places where that code differs from the paper; every class's Javadoc lists
 * those differences. Mechanic has no reference code here and follows Algorithm 1 of its paper.
 *
 * <p>All run state lives in the {@link io.adalab.api.Buffers} the platform owns. The global
 * methods (D-Adaptation, Prodigy, DoG, Mechanic) treat all parameter groups as one vector: a
 * first pass sums over every parameter, a second pass updates them.
 */
package io.adalab.plugin.optimizers.lrfree;
