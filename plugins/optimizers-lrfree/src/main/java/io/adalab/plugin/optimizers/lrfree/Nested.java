package io.adalab.plugin.optimizers.lrfree;

import io.adalab.api.Buffers;
import io.adalab.api.ResolvedOptimizer;
import io.adalab.api.StepContext;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;
import java.util.random.RandomGenerator;

/**
 * The inner optimizer of a wrapper (Lookahead, Mechanic). Its slots are the wrapper's slots
 * {@code [0, slots())} and its scalars the wrapper's scalars {@code [0, scalars())}, so the
 * platform checkpoints the inner state together with the wrapper's; the wrapper puts its own
 * state after them.
 *
 * <p>The inner rule sees a {@link Buffers} view over the wrapper's parameters, gradient and
 * first slots. The view is cached for the last outer {@code Buffers} object (a derived object,
 * not run state: the slot vectors are shared, and the scalars are copied in before and out after
 * every inner step, so a restored checkpoint is always picked up).
 */
final class Nested {
    private final ResolvedOptimizer resolved;
    private final UpdateRule rule;
    private final double baseLearningRate;
    private Buffers outer;
    private Buffers view;

    Nested(ResolvedOptimizer resolved) {
        this.resolved = resolved;
        this.rule = resolved.create();
        this.baseLearningRate = resolved.optimizer().schema().has("lr") ? resolved.hyperparameters().real("lr") : 1.0;
    }

    /** The inner optimizer's id, e.g. {@code "sgd"}. */
    String id() {
        return resolved.optimizer().id();
    }

    int slots() {
        return rule.slots();
    }

    int scalars() {
        return rule.scalars();
    }

    void initialize(Buffers buffers) {
        Buffers v = view(buffers);
        copyIn(buffers, v);
        rule.initialize(v);
        copyOut(buffers, v);
    }

    /**
     * One inner step on the wrapper's parameters. The inner learning rate is the inner
     * optimizer's configured {@code lr} times the wrapper's {@link StepContext#learningRate()}
     * (a wrapper has no {@code lr} of its own, so the latter is 1 scaled by the run's schedule).
     */
    void step(Buffers buffers, StepContext context) {
        Buffers v = view(buffers);
        copyIn(buffers, v);
        rule.step(v, new InnerContext(context, baseLearningRate * context.learningRate()));
        copyOut(buffers, v);
    }

    void evaluationPoint(Buffers buffers, Vec out) {
        Buffers v = view(buffers);
        copyIn(buffers, v);
        rule.evaluationPoint(v, out);
    }

    /** Sets the inner slots to zero (Lookahead's momentum reset). */
    void zeroSlots(Buffers buffers) {
        for (int k = 0; k < rule.slots(); k++) {
            buffers.slot(k).fill(0);
        }
    }

    private Buffers view(Buffers buffers) {
        if (buffers != outer) {
            Vec[] s = new Vec[rule.slots()];
            for (int k = 0; k < s.length; k++) {
                s[k] = buffers.slot(k);
            }
            view = new Buffers(buffers.params(), buffers.grad(), s, new double[rule.scalars()], buffers.groups());
            outer = buffers;
        }
        return view;
    }

    private static void copyIn(Buffers from, Buffers to) {
        double[] dst = to.scalars();
        System.arraycopy(from.scalars(), 0, dst, 0, dst.length);
    }

    private static void copyOut(Buffers to, Buffers from) {
        double[] src = from.scalars();
        System.arraycopy(src, 0, to.scalars(), 0, src.length);
    }

    /** The wrapper's context with the inner optimizer's learning rate. */
    private record InnerContext(StepContext outer, double learningRate) implements StepContext {
        @Override public long step() {
            return outer.step();
        }

        @Override public int epoch() {
            return outer.epoch();
        }

        @Override public double scheduled(String name, double configured) {
            return outer.scheduled(name, configured);
        }

        @Override public double loss() {
            return outer.loss();
        }

        @Override public RandomGenerator random() {
            return outer.random();
        }
    }
}
