package io.adalab.plugin.optimizers.lrfree;

import io.adalab.api.Buffers;
import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Optimizer;
import io.adalab.api.PaperReference;
import io.adalab.api.StepContext;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * COCOB-Backprop: per-coordinate coin betting, Orabona &amp; Tommasi (2017), "Training Deep
 * Networks without Learning Rates Through Coin Betting", arXiv:1705.07795 (Algorithm 2).
 *
 * <p>Each coordinate bets a fraction of its wealth (reward) on the sign of the summed negative
 * gradients {@code theta}:
 * <pre>
 * g      = lr * g + weight_decay * p
 * L      = max(L, |g|);  theta = theta - g;  G = G + |g|
 * reward = max(reward - g (p - x0), 0)
 * p      = x0 + (reward + L) theta / (max(G + L, alpha L) L)
 * </pre>
 *
 * <p>Follows Orabona's {@code parameterfree/cocob.py} (bremen79/parameterfree, commit 8e130f23),
 * which differs from the paper's Algorithm 2 in that {@code L} starts at {@code eps} rather than
 * 0 (no division by zero on the first step), so the paper's special case for {@code L = 0} never
 * occurs; the updated {@code L}, {@code G}, {@code theta} and {@code reward} of the same step are
 * used, as in the paper. COCOB has no learning rate; the code multiplies the gradient by its
 * parameter group's {@code lr} (fixed at 1), and so do we with
 * {@link StepContext#learningRate()} (1 unless a schedule scales it).
 */
@Extension
public final class Cocob implements Optimizer {
    static final int X0 = 0;
    static final int THETA = 1;
    static final int GRAD_SUM = 2;
    static final int L = 3;
    static final int REWARD = 4;

    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("alpha", 100.0).positive().help("limits the first bets, like a warm-up of roughly alpha steps")
        .real("eps", 1e-8).positive().logScale().help("initial value of the per-coordinate gradient range L")
        .real("weight_decay", 0.0).nonNegative().help("L2 penalty added to the gradient")
        .build();

    @Override public String id() {
        return "cocob";
    }

    @Override public String displayName() {
        return "COCOB-Backprop";
    }

    @Override public String description() {
        return "Coin-betting optimizer: each coordinate bets its accumulated wealth; no learning rate.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(Papers.COCOB);
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new Rule(h.real("alpha"), h.real("eps"), h.real("weight_decay"));
    }

    private record Rule(double alpha, double eps, double weightDecay) implements UpdateRule {
        @Override public int slots() {
            return 5;
        }

        @Override public void initialize(Buffers b) {
            b.slot(X0).copyFrom(b.params());
            b.slot(L).fill(eps);
        }

        @Override public void step(Buffers b, StepContext ctx) {
            Vec p = b.params();
            Vec g = b.grad();
            Vec x0 = b.slot(X0);
            Vec theta = b.slot(THETA);
            Vec gsum = b.slot(GRAD_SUM);
            Vec range = b.slot(L);
            Vec reward = b.slot(REWARD);
            double lr = ctx.learningRate();
            for (int i = 0, n = p.length(); i < n; i++) {
                double pi = p.get(i);
                double gi = g.get(i) * lr;
                if (weightDecay != 0) {
                    gi = gi + weightDecay * pi;
                }
                double ai = Math.abs(gi);
                range.set(i, Math.max(range.get(i), ai));
                theta.set(i, theta.get(i) - gi);
                gsum.set(i, gsum.get(i) + ai);
                reward.set(i, Math.max(reward.get(i) - gi * (pi - x0.get(i)), 0));
                double li = range.get(i);
                double den = Math.max(gsum.get(i) + li, li * alpha) * li;
                p.set(i, (reward.get(i) + li) * theta.get(i) / den + x0.get(i));
            }
        }
    }
}
