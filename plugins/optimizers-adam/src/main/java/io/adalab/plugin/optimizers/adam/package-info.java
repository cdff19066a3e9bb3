/**
 * Adam and its torch.optim relatives (AdamW, Adamax, NAdam, RAdam) with torch 1.13's options and
 * defaults, checked against torch trajectories ({@code platform/testkit/reference/optimizers}).
 */
package io.adalab.plugin.optimizers.adam;
