/**
 * The modern adaptive optimizer family as PF4J extensions of {@link io.adalab.api.Optimizer}:
 * AdaBelief, AdaBound/AMSBound, Yogi, LAMB, LARS, Lion, LaProp, AdaMod, Adan, QHAdam,
 * Signum/signSGD, NovoGrad, MADGRAD and AdEMAMix.
 *
 * <p>Each extension is immutable configuration; its {@link io.adalab.api.UpdateRule} keeps run
 * state only in the platform's {@link io.adalab.api.Buffers} (slots and scalars), so checkpoints
 * restore a run exactly. Where a method has a reference trajectory in
 * {@code platform/testkit/reference/optimizers-extra}, the rule follows the authors' (or the
 * named maintained) PyTorch code that produced it, and each class's Javadoc says where that code
 * differs from the paper. Methods without reference files (LARS, Signum/signSGD, AdEMAMix)
 * follow the paper's algorithm.
 *
 * <p>Per-tensor ("layer-wise") methods work per {@link io.adalab.api.ParameterGroup}. A per-group
 * scalar that must survive checkpoints (NovoGrad's second moment) is stored in a slot vector at the
 * group's first index; see {@link io.adalab.plugin.optimizers.modern.NovoGrad}.
 */
package io.adalab.plugin.optimizers.modern;
