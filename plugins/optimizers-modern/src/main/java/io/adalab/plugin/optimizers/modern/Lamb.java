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
 * LAMB: an Adam direction rescaled per layer by the trust ratio {@code ||w|| / ||u||}. You, Li,
 * Reddi, Hseu, Kumar, Bhojanapalli, Song, Demmel, Keutzer, Hsieh (2020), "Large Batch Optimization
 * for Deep Learning: Training BERT in 76 minutes", ICLR 2020, arXiv:1904.00962, Algorithm 2.
 *
 * <p>The authors published TensorFlow code only; this follows kozistr/pytorch_optimizer's
 * {@code Lamb}, which produced the reference trajectories. Where that code differs from the paper:
 * <ul>
 *   <li>{@code v} is not bias-corrected and {@code m} only through {@code lr / (1 - beta1^t)}
 *       (the paper corrects both); {@code eps} on the uncorrected {@code sqrt(v)};</li>
 *   <li>decoupled decay {@code p *= 1 - lr wd} is applied to the weights <em>before</em> the
 *       trust ratio and is not part of the update direction {@code u} (paper: {@code u + wd w} is
 *       normalised); with {@code decoupled_weight_decay = false} the code applies no decay at all
 *       (kept here);</li>
 *   <li>{@code ||w||} is clamped to at most 10 (the paper's scaling function phi);
 *       trust = {@code ||w|| / (||u|| + eps)}, or 1 when either norm is 0;</li>
 *   <li>{@code grad_averaging = false} accumulates {@code m = beta1 m + g}.</li>
 * </ul>
 * The trust ratio is computed per {@link ParameterGroup} (one tensor in the reference files).
 *
 * <p>Options not covered by the reference files: {@code adam} forces trust 1. {@code rectify}
 * applies RAdam's rectifier with threshold {@code n_sma_threshold}; below it the direction is
 * {@code m} ({@code degenerated_to_sgd}) or there is no step (the code would step with a negated
 * size), and the trust ratio uses that direction (the code measures {@code p - step u}).
 * {@code pre_norm} clips the gradient to global norm {@code max_grad_norm}, i.e. multiplies by
 * {@code min(1, max_grad_norm / (||g|| + eps))}; the code <em>divides</em> by that factor, which
 * amplifies large gradients, so we follow the evident intent instead.
 *
 * <p>Slots: {@code m}, {@code v}; the gradient buffer holds the direction {@code u} between the two
 * passes over a group. {@code beta1} may be driven by a schedule.
 */
@Extension
public final class Lamb implements Optimizer {
    private static final double MAX_WEIGHT_NORM = 10.0;
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 1e-3).positive().logScale().help("step size")
        .real("beta1", 0.9).min(0).below(1).help("decay of the first moment")
        .real("beta2", 0.999).min(0).below(1).help("decay of the second moment")
        .real("eps", 1e-6).nonNegative().logScale().help("added to sqrt(v) and to ||u|| in the trust ratio")
        .real("weight_decay", 0.0).nonNegative().help("decoupled weight decay coefficient")
        .bool("decoupled_weight_decay", true).help("apply p *= 1 - lr*wd; false applies no decay (as the reference code)")
        .bool("fixed_decay", false).help("decoupled decay without the learning rate: p *= 1 - wd")
        .bool("rectify", false).help("RAdam-style rectification of the step")
        .bool("degenerated_to_sgd", false).help("with rectify: momentum steps before the rectifier applies")
        .integer("n_sma_threshold", 5).min(0).help("with rectify: length of the SMA above which the adaptive step is used")
        .bool("grad_averaging", true).help("m = beta1*m + (1-beta1)*g; false: m = beta1*m + g")
        .real("max_grad_norm", 1.0).nonNegative().help("with pre_norm: global gradient norm to clip to (0: no clipping)")
        .bool("adam", false).help("trust ratio 1: plain Adam-like steps, for comparison")
        .bool("pre_norm", false).help("clip the gradient to global norm max_grad_norm before the step")
        .build();

    @Override public String id() {
        return "lamb";
    }

    @Override public String displayName() {
        return "LAMB";
    }

    @Override public String description() {
        return "Layer-wise adaptive Adam: each layer's Adam direction is scaled by ||w|| / ||u||.";
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PaperReference.arxiv(
            "You, Li, Reddi, Hseu, Kumar, Bhojanapalli, Song, Demmel, Keutzer, Hsieh", 2020,
            "Large Batch Optimization for Deep Learning: Training BERT in 76 minutes", "1904.00962", "ICLR 2020"));
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new Rule(h.real("beta1"), h.real("beta2"), h.real("eps"), h.real("weight_decay"),
            h.bool("decoupled_weight_decay"), h.bool("fixed_decay"), h.bool("rectify"), h.bool("degenerated_to_sgd"),
            h.integer("n_sma_threshold"), h.bool("grad_averaging"), h.real("max_grad_norm"), h.bool("adam"),
            h.bool("pre_norm"));
    }

    private record Rule(double beta1, double beta2, double eps, double weightDecay, boolean decoupled,
                        boolean fixedDecay, boolean rectify, boolean sgdBeforeRectify, long smaThreshold,
                        boolean gradAveraging, double maxGradNorm, boolean adam, boolean preNorm)
        implements UpdateRule {
        @Override public int slots() {
            return 2;
        }

        @Override public void step(Buffers b, StepContext ctx) {
            double lr = ctx.learningRate();
            double b1 = ctx.scheduled("beta1", beta1);
            long t = ctx.step();
            double mScale = gradAveraging ? 1 - b1 : 1;
            double stepSize = lr;
            boolean adaptive = true;
            if (rectify) {
                double smaMax = 2 / (1 - beta2) - 1;
                double b2t = Math.pow(beta2, t);
                double sma = smaMax - 2 * t * b2t / (1 - b2t);
                if (sma >= smaThreshold) {
                    stepSize *= Math.sqrt((1 - b2t) * (sma - 4) / (smaMax - 4) * (sma - 2) / sma * smaMax / (smaMax - 2));
                } else if (sgdBeforeRectify) {
                    adaptive = false;
                } else {
                    stepSize = 0; // RAdam's rule: moments and decay proceed, the weights do not move
                }
            }
            stepSize /= 1 - Math.pow(b1, t);
            double keep = decoupled ? 1 - (fixedDecay ? weightDecay : lr * weightDecay) : 1;
            double gScale = preNorm ? clipFactor(b.grad()) : 1;
            Vec p = b.params();
            Vec g = b.grad();
            Vec m = b.slot(0);
            Vec v = b.slot(1);
            for (ParameterGroup group : b.groups()) {
                double wSq = 0;
                double uSq = 0;
                for (int i = group.offset(), end = group.end(); i < end; i++) {
                    double gi = g.get(i) * gScale;
                    double mi = b1 * m.get(i) + mScale * gi;
                    double vi = beta2 * v.get(i) + (1 - beta2) * gi * gi;
                    double pi = p.get(i) * keep;
                    double ui = adaptive ? mi / (Math.sqrt(vi) + eps) : mi;
                    m.set(i, mi);
                    v.set(i, vi);
                    p.set(i, pi);
                    g.set(i, ui);
                    wSq += pi * pi;
                    uSq += ui * ui;
                }
                double wNorm = Math.min(Math.sqrt(wSq), MAX_WEIGHT_NORM);
                double uNorm = Math.sqrt(uSq);
                double trust = adam || wNorm == 0 || uNorm == 0 ? 1 : wNorm / (uNorm + eps);
                double a = stepSize * trust;
                for (int i = group.offset(), end = group.end(); i < end; i++) {
                    p.set(i, p.get(i) - a * g.get(i));
                }
            }
        }

        private double clipFactor(Vec g) {
            return maxGradNorm == 0 ? 1 : Math.min(maxGradNorm / (g.norm() + eps), 1);
        }
    }
}
