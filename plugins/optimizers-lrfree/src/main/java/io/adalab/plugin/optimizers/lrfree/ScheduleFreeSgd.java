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
 * Schedule-Free SGD, Defazio, Yang, Mehta, Mishchenko, Khaled &amp; Cutkosky (2024), "The Road
 * Less Scheduled", arXiv:2405.15682 (Eq. 1 to 3 and Algorithm 1 with the SGD base step).
 *
 * <p>Three sequences: the base SGD iterate {@code z}, the weighted average {@code x} of the
 * {@code z}'s (the evaluation point), and {@code y = (1-momentum) z + momentum x}, where
 * gradients are taken. The parameters hold {@code y} during training; {@code z} is a slot and
 * {@code x} is not stored: {@link UpdateRule#evaluationPoint} computes it as
 * {@code x = lerp(y, z, 1 - 1/momentum)}, which is the paper's average
 * {@code x_{t+1} = (1 - c_{t+1}) x_t + c_{t+1} z_{t+1}} (Eq. 2).
 *
 * <p>Follows the authors' {@code schedulefree/sgd_schedulefree.py} (facebookresearch/schedule_free,
 * commit 70785b53, for-loop path). Per step, with {@code k} previous steps:
 * <pre>
 * lr_k   = lr * min(1, (k+1)/warmup_steps)
 * lr_max = max(lr_max, lr_k);  weight = (k+1)^r lr_max^weight_lr_power;  c = weight / sum of weights
 * d      = g + weight_decay * y                    (L2 at y)
 * y      = lerp(y, z, c);  y = y + lr_k (momentum (1-c) - 1) d
 * z      = z - lr_k d
 * </pre>
 * With the defaults ({@code r = 0}, {@code weight_lr_power = 2}, no warm-up) {@code c = 1/(k+1)},
 * the uniform average of the paper's Theorem 1; the {@code lr_max^weight_lr_power} weighting
 * is the paper's Section 4.1 warm-up weighting. {@code lerp} uses torch's two-branch formula.
 * The warm-up is internal (schedule-free methods need no schedule); a run's schedule would
 * still scale {@link StepContext#learningRate()}.
 */
@Extension
public final class ScheduleFreeSgd implements Optimizer {
    static final int Z = 0;

    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 1.0).positive().logScale().help("step size of the base SGD sequence z")
        .real("momentum", 0.9).above(0).below(1).help("interpolation between z and the average x where gradients are taken")
        .real("weight_decay", 0.0).nonNegative().help("L2 penalty added to the gradient, evaluated at y")
        .integer("warmup_steps", 0).nonNegative().help("steps of linear learning-rate warm-up")
        .real("r", 0.0).nonNegative().help("polynomial weighting (k+1)^r of the average")
        .real("weight_lr_power", 2.0).nonNegative().help("the average weights each point by lr_max to this power")
        .build();

    @Override public String id() {
        return "sf_sgd";
    }

    @Override public String displayName() {
        return "Schedule-Free SGD";
    }

    @Override public String description() {
        return "SGD with interpolation and iterate averaging in place of a learning-rate schedule; evaluate at the average x.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(Papers.SCHEDULE_FREE);
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new Rule(h.real("momentum"), h.real("weight_decay"), h.integer("warmup_steps"), h.real("r"),
            h.real("weight_lr_power"));
    }

    private record Rule(double momentum, double weightDecay, long warmupSteps, double r, double weightLrPower)
        implements UpdateRule {
        @Override public int slots() {
            return 1;
        }

        @Override public int scalars() {
            return ScheduleFreeAveraging.SCALARS;
        }

        @Override public void initialize(Buffers b) {
            b.slot(Z).copyFrom(b.params());
            ScheduleFreeAveraging.initialize(b.scalars());
        }

        @Override public void step(Buffers b, StepContext ctx) {
            double[] sc = b.scalars();
            double lr = ScheduleFreeAveraging.learningRate(sc, ctx.learningRate(), warmupSteps);
            double c = ScheduleFreeAveraging.interpolation(sc, lr, r, weightLrPower);
            double yCoef = lr * (momentum * (1 - c) - 1);
            Vec y = b.params();
            Vec g = b.grad();
            Vec z = b.slot(Z);
            for (int i = 0, n = y.length(); i < n; i++) {
                double yi = y.get(i);
                double zi = z.get(i);
                double di = g.get(i) + weightDecay * yi;
                y.set(i, Py.lerp(yi, zi, c) + yCoef * di);
                z.set(i, zi - lr * di);
            }
            ScheduleFreeAveraging.advance(sc);
        }

        @Override public void evaluationPoint(Buffers b, Vec out) {
            ScheduleFreeAveraging.evaluationPoint(b.params(), b.slot(Z), momentum, out);
        }
    }
}
