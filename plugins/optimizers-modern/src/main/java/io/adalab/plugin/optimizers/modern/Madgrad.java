package io.adalab.plugin.optimizers.modern;

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
 * MADGRAD: momentumized, adaptive dual averaging with a cube-root denominator. Defazio, Jelassi
 * (2021), "Adaptivity without Compromise: A Momentumized, Adaptive, Dual Averaged Gradient Method
 * for Stochastic Optimization", JMLR 2022, arXiv:2101.11075, Algorithm 1:
 * <pre>
 *   lambda_k = lr sqrt(k + 1);  s += lambda_k g;  nu += lambda_k g^2;
 *   z = x0 - s / (cbrt(nu) + eps);  x = (1 - c) x + c z,  c = 1 - momentum
 * </pre>
 * Follows the authors' code (facebookresearch/madgrad, dense path), which produced the reference
 * trajectories: the effective learning rate is {@code lr + eps} (the code adds eps "for stability",
 * also in the decoupled decay); the cube root is {@code pow(nu, 1/3)} with eps outside; with
 * {@code momentum = 0} there is no stored anchor: {@code x0 = x + s / (cbrt(nu) + eps)} is recomputed
 * from the state before the update and {@code x = z}; weight decay is coupled L2 by default, or
 * decoupled {@code x -= (lr + eps) wd x_old} after the step.
 *
 * <p>Slots: {@code nu} (grad_sum_sq), {@code s}, and {@code x0} (a copy of the initial point,
 * set in {@link UpdateRule#initialize}) when {@code momentum != 0}. {@code k = step - 1}.
 * {@code momentum} may be driven by a schedule.
 */
@Extension
public final class Madgrad implements Optimizer {
    private static final double ONE_THIRD = 1.0 / 3;
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 1e-2).nonNegative().logScale().help("step size (the code uses lr + eps)")
        .real("momentum", 0.9).min(0).below(1).help("momentum; x = momentum*x + (1-momentum)*z")
        .real("weight_decay", 0.0).nonNegative().help("weight decay coefficient")
        .real("eps", 1e-6).nonNegative().logScale().help("added to the cube root and to lr")
        .bool("decoupled_weight_decay", false).help("decay x -= lr*wd*x after the step instead of adding wd*x to the gradient")
        .build();

    @Override public String id() {
        return "madgrad";
    }

    @Override public String displayName() {
        return "MADGRAD";
    }

    @Override public String description() {
        return "Momentumized adaptive dual averaging with a cube-root denominator.";
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PaperReference.arxiv("Defazio, Jelassi", 2021,
            "Adaptivity without Compromise: A Momentumized, Adaptive, Dual Averaged Gradient Method for Stochastic Optimization",
            "2101.11075", "JMLR 2022"));
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new Rule(h.real("momentum"), h.real("weight_decay"), h.real("eps"), h.bool("decoupled_weight_decay"));
    }

    private record Rule(double momentum, double weightDecay, double eps, boolean decoupled) implements UpdateRule {
        @Override public int slots() {
            return momentum != 0 ? 3 : 2;
        }

        @Override public void initialize(Buffers b) {
            if (momentum != 0) {
                b.slot(2).copyFrom(b.params());
            }
        }

        @Override public void step(Buffers b, StepContext ctx) {
            double lr = ctx.learningRate();
            double lrEff = lr != 0 ? lr + eps : lr;
            double ck = 1 - (momentum != 0 ? ctx.scheduled("momentum", momentum) : 0);
            double lamb = lrEff * Math.pow(ctx.step(), 0.5);
            double l2 = decoupled ? 0 : weightDecay;
            double decay = decoupled ? lrEff * weightDecay : 0;
            Vec p = b.params();
            Vec g = b.grad();
            Vec nu = b.slot(0);
            Vec s = b.slot(1);
            Vec x0 = momentum != 0 ? b.slot(2) : null;
            for (int i = 0, n = p.length(); i < n; i++) {
                double pi = p.get(i);
                double gi = g.get(i) + l2 * pi;
                double nuOld = nu.get(i);
                double si = s.get(i);
                double anchor = x0 != null ? x0.get(i) : pi + si / (Math.pow(nuOld, ONE_THIRD) + eps);
                double nui = nuOld + lamb * gi * gi;
                si += lamb * gi;
                nu.set(i, nui);
                s.set(i, si);
                double z = anchor - si / (Math.pow(nui, ONE_THIRD) + eps);
                // p + ck (z - p) rather than the code's p (1 - ck) + ck z: equal up to rounding, and exact when z == p
                double next = x0 != null ? pi + ck * (z - pi) : z;
                p.set(i, next - decay * pi);
            }
        }
    }
}
