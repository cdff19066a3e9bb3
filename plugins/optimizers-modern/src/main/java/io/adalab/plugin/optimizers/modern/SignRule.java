package io.adalab.plugin.optimizers.modern;

import io.adalab.api.Buffers;
import io.adalab.api.StepContext;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;

/**
 * The update shared by {@link Signum} and {@link SignSgd} (Bernstein et al. 2018):
 * {@code m = beta m + (1 - beta) (g + wd p)}, {@code p -= lr sign(m)}; with {@code beta = 0} there is
 * no state and the step is {@code p -= lr sign(g + wd p)}. {@code sign(0) = 0}.
 *
 * @param momentum    beta; 0 means signSGD (no slot)
 * @param weightDecay coupled L2 coefficient
 */
record SignRule(double momentum, double weightDecay) implements UpdateRule {

    @Override public int slots() {
        return momentum != 0 ? 1 : 0;
    }

    @Override public void step(Buffers b, StepContext ctx) {
        double lr = ctx.learningRate();
        Vec p = b.params();
        Vec g = b.grad();
        if (momentum == 0) {
            for (int i = 0, n = p.length(); i < n; i++) {
                double pi = p.get(i);
                p.set(i, pi - lr * Math.signum(g.get(i) + weightDecay * pi));
            }
            return;
        }
        double beta = ctx.scheduled("momentum", momentum);
        Vec m = b.slot(0);
        for (int i = 0, n = p.length(); i < n; i++) {
            double pi = p.get(i);
            double mi = beta * m.get(i) + (1 - beta) * (g.get(i) + weightDecay * pi);
            m.set(i, mi);
            p.set(i, pi - lr * Math.signum(mi));
        }
    }
}
