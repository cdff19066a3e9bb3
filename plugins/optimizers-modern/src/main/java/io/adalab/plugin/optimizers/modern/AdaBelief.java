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
 * AdaBelief: Adam whose second moment tracks the "belief" {@code (g - m)^2} instead of
 * {@code g^2}. Zhuang, Tang, Ding, Tatikonda, Dvornek, Papademetris, Duncan (2020), "AdaBelief
 * Optimizer: Adapting Stepsizes by the Belief in Observed Gradients", NeurIPS 2020,
 * arXiv:2010.07468, Algorithm 2.
 *
 * <p>Follows the authors' code (adabelief-pytorch 0.2.1), which the reference trajectories were
 * produced with, where it differs from Algorithm 2 or from other AdaBelief ports:
 * <ul>
 *   <li>{@code eps} is added to the stored {@code s} <em>in place every step</em> (so it accumulates,
 *       the paper's {@code s_t = ... + eps}) and a second time outside the square root;</li>
 *   <li>{@code s} uses the residual against the <em>new</em> {@code m_t};</li>
 *   <li>rectification (RAdam-style) is on by default with threshold {@code rho_t >= 5} (torch's RAdam
 *       uses {@code > 5}); below it the step is plain momentum {@code lr m / (1 - beta1^t)}
 *       ({@code degenerated_to_sgd}), or no step; the rectified branch divides by
 *       {@code sqrt(s) + eps} without bias-correcting {@code s} (the correction is in the step size);</li>
 *   <li>decoupled decay {@code p *= 1 - lr wd} ({@code fixed_decay}: {@code 1 - wd}) is the default;
 *       coupled L2 adds {@code wd p} to the gradient;</li>
 *   <li>{@code amsgrad} keeps {@code max(s)} for the non-rectified branch only (the rectified branch
 *       ignores it, as in the code);</li>
 *   <li>default {@code eps} is 1e-16 (other ports use 1e-8).</li>
 * </ul>
 * Slots: {@code m}, {@code s} (+ {@code s_max}). {@code beta1} may be driven by a schedule.
 */
@Extension
public final class AdaBelief implements Optimizer {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 1e-3).positive().logScale().help("step size")
        .real("beta1", 0.9).min(0).below(1).help("decay of the first moment m")
        .real("beta2", 0.999).min(0).below(1).help("decay of the belief s = EMA of (g - m)^2")
        .real("eps", 1e-16).nonNegative().logScale().help("added to s every step and again outside the square root")
        .real("weight_decay", 0.0).nonNegative().help("weight decay coefficient")
        .bool("amsgrad", false).help("use the running maximum of s (non-rectified branch only)")
        .bool("decoupled_weight_decay", true).help("AdamW-style decay p *= 1 - lr*wd instead of adding wd*p to the gradient")
        .bool("fixed_decay", false).help("decoupled decay without the learning rate: p *= 1 - wd")
        .bool("rectify", true).help("RAdam-style rectification of the adaptive step (threshold rho_t >= 5)")
        .bool("degenerated_to_sgd", true).help("before rectification applies, take momentum steps instead of none")
        .build();

    @Override public String id() {
        return "adabelief";
    }

    @Override public String displayName() {
        return "AdaBelief";
    }

    @Override public String description() {
        return "Adam with the second moment of (g - m) instead of g; rectified by default (authors' code 0.2.1).";
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PaperReference.arxiv("Zhuang, Tang, Ding, Tatikonda, Dvornek, Papademetris, Duncan", 2020,
            "AdaBelief Optimizer: Adapting Stepsizes by the Belief in Observed Gradients", "2010.07468", "NeurIPS 2020"));
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new Rule(h.real("beta1"), h.real("beta2"), h.real("eps"), h.real("weight_decay"), h.bool("amsgrad"),
            h.bool("decoupled_weight_decay"), h.bool("fixed_decay"), h.bool("rectify"), h.bool("degenerated_to_sgd"));
    }

    private record Rule(double beta1, double beta2, double eps, double weightDecay, boolean amsgrad,
                        boolean decoupled, boolean fixedDecay, boolean rectify, boolean sgdBeforeRectify)
        implements UpdateRule {
        private static final int ADAM = 0;
        private static final int RECTIFIED = 1;
        private static final int MOMENTUM = 2;
        private static final int NONE = 3;

        @Override public int slots() {
            return amsgrad ? 3 : 2;
        }

        @Override public void step(Buffers b, StepContext ctx) {
            double lr = ctx.learningRate();
            double b1 = ctx.scheduled("beta1", beta1);
            long t = ctx.step();
            double bc1 = 1 - Math.pow(b1, t);
            double b2t = Math.pow(beta2, t);
            double bc2 = 1 - b2t;
            int mode = ADAM;
            double stepSize = lr / bc1;
            if (rectify) {
                double rhoInf = 2 / (1 - beta2) - 1;
                double rho = rhoInf - 2 * t * b2t / (1 - b2t);
                if (rho >= 5) {
                    mode = RECTIFIED;
                    stepSize = Math.sqrt(bc2 * (rho - 4) / (rhoInf - 4) * (rho - 2) / rho * rhoInf / (rhoInf - 2)) / bc1 * lr;
                } else {
                    mode = sgdBeforeRectify ? MOMENTUM : NONE;
                    stepSize = 1 / bc1 * lr;
                }
            }
            double keep = decoupled ? 1 - (fixedDecay ? weightDecay : lr * weightDecay) : 1;
            double l2 = !decoupled && weightDecay != 0 ? weightDecay : 0;
            double sqrtBc2 = Math.sqrt(bc2);
            Vec p = b.params();
            Vec g = b.grad();
            Vec m = b.slot(0);
            Vec s = b.slot(1);
            Vec sMax = amsgrad ? b.slot(2) : null;
            if (!amsgrad && (mode == ADAM || mode == RECTIFIED) && p instanceof Vec.F32 p32) {
                // AMSGrad and the warm-up steps before rectification stay on the double loop below
                adaBeliefF32(p32.array(), ((Vec.F32) g).array(), ((Vec.F32) m).array(), ((Vec.F32) s).array(),
                    (float) b1, (float) (1 - b1), (float) beta2, (float) (1 - beta2), (float) eps, (float) stepSize,
                    mode == ADAM ? (float) (1 / sqrtBc2) : 1f, (float) keep, (float) l2);
                return;
            }
            for (int i = 0, n = p.length(); i < n; i++) {
                double pi = p.get(i) * keep;
                double gi = g.get(i) + l2 * pi;
                double mi = b1 * m.get(i) + (1 - b1) * gi;
                double r = gi - mi;
                double si = beta2 * s.get(i) + (1 - beta2) * r * r + eps;
                m.set(i, mi);
                s.set(i, si);
                double sDen = si;
                if (sMax != null) {
                    sDen = Math.max(sMax.get(i), si);
                    sMax.set(i, sDen);
                }
                switch (mode) {
                    case ADAM -> pi -= stepSize * mi / (Math.sqrt(sDen) / sqrtBc2 + eps);
                    case RECTIFIED -> pi -= stepSize * mi / (Math.sqrt(si) + eps);
                    case MOMENTUM -> pi -= stepSize * mi;
                    default -> { }
                }
                p.set(i, pi);
            }
        }

        /**
         * The Adam and rectified steps in float maths over the raw arrays: the double loop is
         * compute-bound on float32 parameters, this plain counted loop is vectorised by C2. The two
         * modes differ only in the scale of sqrt(s) in the denominator: 1/sqrt(1 - b2^t) or 1.
         */
        private static void adaBeliefF32(float[] p, float[] g, float[] m, float[] s, float b1, float c1, float b2,
                                         float c2, float eps, float stepSize, float sqrtScale, float keep, float l2) {
            for (int i = 0; i < p.length; i++) {
                float pi = p[i] * keep;
                float gi = g[i] + l2 * pi;
                float mi = b1 * m[i] + c1 * gi;
                float r = gi - mi;
                float si = b2 * s[i] + c2 * r * r + eps;
                m[i] = mi;
                s[i] = si;
                p[i] = pi - stepSize * mi / ((float) Math.sqrt(si) * sqrtScale + eps);
            }
        }
    }
}
