package io.adalab.plugin.optimizers.adam;

import io.adalab.api.Buffers;
import io.adalab.api.StepContext;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;

/**
 * The update of {@link Adam} and {@link AdamW} (torch 1.13 single-tensor path). Slots: 0 = m,
 * 1 = v, 2 = running max of the raw v (AMSGrad only).
 */
record AdamRule(double beta1, double beta2, double eps, double weightDecay, boolean amsgrad, boolean decoupled,
                double sign) implements UpdateRule {

    @Override public int slots() {
        return amsgrad ? 3 : 2;
    }

    @Override public void step(Buffers b, StepContext ctx) {
        Vec p = b.params();
        Vec g = b.grad();
        Vec m = b.slot(0);
        Vec v = b.slot(1);
        Vec vmax = amsgrad ? b.slot(2) : null;
        double lr = ctx.learningRate();
        double b1 = ctx.scheduled("beta1", beta1);
        long t = ctx.step();
        double stepSize = lr / (1 - Math.pow(b1, t));
        double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
        double shrink = decoupled ? 1 - lr * weightDecay : 1;
        double l2 = decoupled ? 0 : weightDecay;
        for (int i = 0, n = p.length(); i < n; i++) {
            double pi = p.get(i) * shrink;
            double d = sign * g.get(i) + l2 * pi;
            double mi = b1 * m.get(i) + (1 - b1) * d;
            double vi = beta2 * v.get(i) + (1 - beta2) * d * d;
            m.set(i, mi);
            v.set(i, vi);
            if (vmax != null) {
                vi = Math.max(vmax.get(i), vi);
                vmax.set(i, vi);
            }
            p.set(i, pi - stepSize * mi / (Math.sqrt(vi) / bc2Sqrt + eps));
        }
    }
}
