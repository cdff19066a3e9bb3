package io.adalab.testkit.internal;

import io.adalab.api.Buffers;
import io.adalab.api.DType;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;
import io.adalab.testkit.SimpleStepContext;

/** One run of an update rule on the {@link KitProblem}. */
public final class KitRun {
    private final UpdateRule rule;
    private final Buffers buffers;
    private final SimpleStepContext context;

    private KitRun(UpdateRule rule, Buffers buffers, SimpleStepContext context) {
        this.rule = rule;
        this.buffers = buffers;
        this.context = context;
    }

    /** A fresh run from start point {@code variant}, state allocated and initialised. */
    public static KitRun start(UpdateRule rule, DType dtype, int variant, double lr, long seed) {
        return start(rule, dtype, KitProblem.start(variant), lr, seed);
    }

    /** A fresh run from start point {@code x0} (rounded to {@code dtype}), state allocated and initialised. */
    public static KitRun start(UpdateRule rule, DType dtype, double[] x0, double lr, long seed) {
        Vec params = Vec.zeros(dtype, KitProblem.DIMENSION);
        for (int i = 0; i < x0.length; i++) {
            params.set(i, x0[i]);
        }
        Buffers b = Buffers.allocate(rule, params, Vec.zeros(dtype, KitProblem.DIMENSION), KitProblem.groups());
        rule.initialize(b);
        return new KitRun(rule, b, new SimpleStepContext(lr, seed));
    }

    /** A run continuing from a copy of {@code other}'s parameters and state with a new rule (a checkpoint restore). */
    public static KitRun restore(UpdateRule rule, KitRun other, double lr, long seed) {
        Buffers o = other.buffers;
        Vec[] slots = new Vec[o.slotCount()];
        for (int k = 0; k < slots.length; k++) {
            slots[k] = o.slot(k).copy();
        }
        Buffers b = new Buffers(o.params().copy(), o.grad().copy(), slots, o.scalars().clone(), o.groups());
        return new KitRun(rule, b, new SimpleStepContext(lr, seed).withStep(other.context.step()));
    }

    /** One step with the exact gradient; returns the loss before it. */
    public double step() {
        double loss = KitProblem.lossAndGradient(buffers.params(), buffers.grad());
        context.next().withLoss(loss);
        rule.step(buffers, context);
        return loss;
    }

    /** One step with gradient {@code g} instead of the problem's (the loss reported is the problem's). */
    public void stepWith(double[] g) {
        double loss = KitProblem.lossAndGradient(buffers.params(), buffers.grad());
        for (int i = 0; i < g.length; i++) {
            buffers.grad().set(i, g[i]);
        }
        context.next().withLoss(loss);
        rule.step(buffers, context);
    }

    /** The loss at the current parameters. */
    public double loss() {
        return KitProblem.lossAndGradient(buffers.params(), Vec.zeros(DType.FLOAT64, KitProblem.DIMENSION));
    }

    /** The parameters, as doubles. */
    public double[] params() {
        return buffers.params().toDoubleArray();
    }

    /** Number of state slots of the rule. */
    public int slotCount() {
        return buffers.slotCount();
    }

    /** Slot {@code k}, as doubles. */
    public double[] slot(int k) {
        return buffers.slot(k).toDoubleArray();
    }

    /** Parameters, then every slot, then the scalars: the whole state, as doubles. */
    public double[] state() {
        int size = buffers.length() + buffers.scalars().length;
        for (int k = 0; k < buffers.slotCount(); k++) {
            size += buffers.slot(k).length();
        }
        double[] out = new double[size];
        int at = buffers.length();
        System.arraycopy(params(), 0, out, 0, at);
        for (int k = 0; k < buffers.slotCount(); k++) {
            double[] s = buffers.slot(k).toDoubleArray();
            System.arraycopy(s, 0, out, at, s.length);
            at += s.length;
        }
        System.arraycopy(buffers.scalars(), 0, out, at, buffers.scalars().length);
        return out;
    }

    /** The rule's precision check: every slot has the parameters' precision. */
    public DType dtype() {
        return buffers.params().dtype();
    }
}
