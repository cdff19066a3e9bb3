package io.adalab.api;

import org.pf4j.ExtensionPoint;

/**
 * An optimization method, e.g. Adam. The extension object is stateless configuration metadata;
 * {@link #create(Hyperparameters)} makes the {@link UpdateRule} of one run.
 *
 * <p>The hyperparameter {@code lr}, when the schema declares it, is the base learning rate: the
 * run's schedule (which knows it as {@link ScheduleSetup#baseLearningRate()}) turns it into the
 * learning rate of each step, passed as {@link StepContext#learningRate()}. Read the learning rate from the context, not from the
 * hyperparameters, or schedules will not reach your method.
 *
 * <p>A minimal Adam:
 * <pre>{@code
 * @Extension
 * public final class MyAdam implements Optimizer {
 *     public String id() { return "my-adam"; }
 *     public String displayName() { return "My Adam"; }
 *     public HyperparameterSchema schema() {
 *         return HyperparameterSchema.builder()
 *             .real("lr", 1e-3).positive().logScale().help("step size")
 *             .real("beta1", 0.9).range(0, 1).real("beta2", 0.999).range(0, 1)
 *             .real("eps", 1e-8).positive().logScale().build();
 *     }
 *     public UpdateRule create(Hyperparameters h) {
 *         double b1 = h.real("beta1"), b2 = h.real("beta2"), eps = h.real("eps");
 *         return UpdateRule.of(2, (b, ctx) -> {
 *             Vec p = b.params(), g = b.grad(), m = b.slot(0), v = b.slot(1);
 *             double a = ctx.learningRate() / (1 - Math.pow(b1, ctx.step()));
 *             double c2 = 1 - Math.pow(b2, ctx.step());
 *             for (int i = 0, n = p.length(); i < n; i++) {
 *                 double gi = g.get(i);
 *                 double mi = b1 * m.get(i) + (1 - b1) * gi;
 *                 double vi = b2 * v.get(i) + (1 - b2) * gi * gi;
 *                 m.set(i, mi);
 *                 v.set(i, vi);
 *                 p.set(i, p.get(i) - a * mi / (Math.sqrt(vi / c2) + eps));
 *             }
 *         });
 *     }
 * }
 * }</pre>
 */
public interface Optimizer extends ExtensionPoint, Component {

    /**
     * Creates the update rule of one run. Must not keep per-run state in this extension object:
     * two rules created from one optimizer must be independent.
     *
     * @param hyperparameters validated against {@link #schema()}, defaults filled in
     */
    UpdateRule create(Hyperparameters hyperparameters);
}
