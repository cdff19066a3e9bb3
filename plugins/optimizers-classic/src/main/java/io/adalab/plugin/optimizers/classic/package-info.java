/**
 * The classic first-order methods of {@code torch.optim} (SGD, Adagrad, Adadelta, RMSprop, Rprop,
 * ASGD) with torch 1.13's options and defaults, plus Adafactor. Each class documents its paper and
 * where our update differs from it; the torch ones are checked against torch trajectories
 * ({@code platform/testkit/reference/optimizers}).
 */
package io.adalab.plugin.optimizers.classic;
