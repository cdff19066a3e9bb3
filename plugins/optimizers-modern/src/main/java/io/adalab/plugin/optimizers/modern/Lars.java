package io.adalab.plugin.optimizers.modern;

import io.adalab.api.Buffers;
import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Optimizer;
import io.adalab.api.PaperReference;
import io.adalab.api.ParameterGroup;
import io.adalab.api.StepContext;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * LARS (Layer-wise Adaptive Rate Scaling): SGD with momentum whose step in each layer is scaled by
 * a local learning rate proportional to {@code ||w|| / ||g||}, so the update's size is tied to the
 * weights' size and not to the gradient's. You, Gitman, Ginsburg (2017), "Large Batch Training of
 * Convolutional Networks", arXiv:1708.03888, Algorithm 1 ("SGD with LARS").
 *
 * <p>Per layer {@code l} ({@link ParameterGroup}), with global rate {@code gamma_t}
 * ({@link StepContext#learningRate()}; the paper's polynomial decay is a schedule on {@code lr}),
 * trust coefficient {@code eta}, weight decay {@code beta} and momentum {@code m}:
 * <pre>
 *   lambda^l = eta ||w^l|| / (||g^l|| + beta ||w^l||)            (local LR, section 3)
 *   v^l     <- m v^l + gamma_t lambda^l (g^l + beta w^l)
 *   w^l     <- w^l - v^l
 * </pre>
 * Differences from other common LARS variants: the weight decay is coupled and <em>inside</em> the
 * momentum and the local rate, as in the paper (LARC/Apex add it to the gradient then clip the
 * ratio); the global rate multiplies inside the momentum buffer (the paper's form), so a schedule
 * change does not rescale the velocity already accumulated; there is no {@code eps}. When
 * {@code ||w^l|| = 0} or the denominator is 0 the paper's ratio is 0 or undefined and a zero
 * initialised layer (biases) would never move; like common implementations we then use
 * {@code lambda^l = 1}. The paper excludes nothing from the adaptation; to skip biases or norm
 * layers, give them their own optimizer.
 *
 * <p>Slot: the velocity {@code v}. {@code momentum} may be driven by a schedule.
 */
@Extension
public final class Lars implements Optimizer {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 1.0).positive().logScale().help("global learning rate gamma (multiplies the local rate)")
        .real("momentum", 0.9).min(0).below(1).help("momentum m of the velocity")
        .real("weight_decay", 0.0).nonNegative().help("weight decay beta, inside the local rate and the velocity")
        .real("trust_coefficient", 1e-3).positive().logScale().help("trust coefficient eta of the local rate")
        .build();

    @Override public String id() {
        return "lars";
    }

    @Override public String displayName() {
        return "LARS";
    }

    @Override public String description() {
        return "SGD with momentum and a per-layer learning rate eta*||w||/(||g|| + wd*||w||).";
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PaperReference.arxiv("You, Gitman, Ginsburg", 2017,
            "Large Batch Training of Convolutional Networks", "1708.03888", ""));
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new Rule(h.real("momentum"), h.real("weight_decay"), h.real("trust_coefficient"));
    }

    private record Rule(double momentum, double weightDecay, double trust) implements UpdateRule {
        @Override public int slots() {
            return 1;
        }

        @Override public void step(Buffers b, StepContext ctx) {
            double lr = ctx.learningRate();
            double mu = ctx.scheduled("momentum", momentum);
            Vec p = b.params();
            Vec g = b.grad();
            Vec v = b.slot(0);
            for (ParameterGroup group : b.groups()) {
                double a = lr * localRate(p.norm(group.offset(), group.length()), g.norm(group.offset(), group.length()));
                for (int i = group.offset(), end = group.end(); i < end; i++) {
                    double pi = p.get(i);
                    double vi = mu * v.get(i) + a * (g.get(i) + weightDecay * pi);
                    v.set(i, vi);
                    p.set(i, pi - vi);
                }
            }
        }

        /** The paper's local rate; 1 where it is 0/0 or would freeze a zero layer. */
        double localRate(double wNorm, double gNorm) {
            double den = gNorm + weightDecay * wNorm;
            return wNorm > 0 && den > 0 ? trust * wNorm / den : 1;
        }
    }
}
