package io.adalab.plugin.optimizers.lrfree;

import io.adalab.api.Buffers;
import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Optimizer;
import io.adalab.api.PaperReference;
import io.adalab.api.StepContext;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Mechanic: learns a global scale {@code s} for the updates of any inner optimizer by coin
 * betting, Cutkosky, Defazio &amp; Mehta (2023), "Mechanic: A Learning Rate Tuner",
 * arXiv:2306.00144 (Algorithm 1).
 *
 * <p>The inner optimizer's updates {@code u_t} are summed into {@code Delta} and the parameters are
 * {@code x_ref + (sum_i s_i) Delta}. With one {@code beta_i} per bettor ({@code n} of them, default
 * {@code 0.9, 0.99, ..., 0.999999}), step {@code t} does (Algorithm 1, lines 7 to 16):
 * <pre>
 * u_t        = inner step on g_t at x_t;   Delta_{t+1} = Delta_t + u_t
 * h_t        = &lt;Delta_t, g_t + decay (sum_i s_{t,i}) ||g_t|| x_t / ||x_t||&gt;
 * m_t        = max(beta m_{t-1}, |h_t|)
 * v_t        = beta^2 v_{t-1} + h_t^2
 * r_t        = max(0, beta r_{t-1} - s_t h_t)
 * W_t        = (s_init / n) m_t + r_t
 * s_{t+1}    = W_t / (sqrt(v_t) + eps)
 * x_{t+1}    = x_ref + (sum_i s_{t+1,i}) Delta_{t+1}
 * </pre>
 * starting from {@code x_ref = x_1}, {@code Delta_1 = 0} and {@code m, v, r, s = 0}, so the first
 * step leaves the parameters at {@code x_1} and the second sets the scale to about
 * {@code s_init}; from there it grows geometrically while the updates make progress.
 *
 * <p>There is no reference code in this repository; this follows the paper. Choices where the
 * paper leaves room: {@code m} tracks the magnitude {@code |h_t|}, as in the authors' optax
 * implementation ({@code optax.contrib.mechanize}) - with a signed {@code h_t}, negative first
 * products would keep the scale at 0 for ever; the decay term is left out when {@code ||x_t|| = 0}.
 * The optax version differs further (the bettors start at {@code s_init} and {@code m} adds
 * {@code eps}); we keep the paper's initialisation. {@code Delta} is stored (the paper's default),
 * not recomputed from {@code x - x_ref}.
 *
 * <p>State: the inner optimizer's slots and scalars first, then {@code x_ref}, {@code Delta} and a
 * scratch copy of {@code x_t} (to form {@code u_t} exactly), then {@code m, v, r, s} for each
 * bettor. The inner optimizer's learning rate is its own {@code lr} times this rule's
 * {@link StepContext#learningRate()} (1 scaled by the run's schedule); the paper tunes inner
 * optimizers with their usual learning rate, which Mechanic rescales.
 */
@Extension
public final class Mechanic implements Optimizer {
    private static final List<Double> BETAS = List.of(0.9, 0.99, 0.999, 0.9999, 0.99999, 0.999999);

    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .realList("betas", BETAS).range(0, 1).below(1).help("decay of each bettor; the scale is the sum over bettors")
        .real("decay", 0.01).nonNegative().help("the paper's lambda: weight decay inside the scale's gradient h_t, relative to s ||g||/||x||")
        .real("s_init", 1e-8).positive().logScale().help("initial scale (spread over the bettors)")
        .real("eps", 1e-8).positive().logScale().help("added to sqrt(v) in the bettors' denominators")
        .optimizer("inner", Map.of("optimizer", "adam")).help("the optimizer whose updates are scaled, e.g. {optimizer: adam, lr: 0.001}")
        .build();

    @Override public String id() {
        return "mechanic";
    }

    @Override public String displayName() {
        return "Mechanic";
    }

    @Override public String description() {
        return "Wraps any optimizer and learns the scale of its updates by coin betting.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(Papers.MECHANIC);
    }

    @Override public UpdateRule create(Hyperparameters h) {
        double[] betas = h.realList("betas").stream().mapToDouble(Double::doubleValue).toArray();
        if (betas.length == 0) {
            throw new io.adalab.api.HyperparameterException("betas", "'betas' needs at least one value");
        }
        return new Rule(new Nested(h.optimizer("inner")), betas, h.real("decay"), h.real("s_init"), h.real("eps"));
    }

    private static final class Rule implements UpdateRule {
        private final Nested inner;
        private final double[] betas;
        private final double decay;
        private final double sInit;
        private final double eps;
        private final int xRef;
        private final int delta;
        private final int previous;
        private final int m;
        private final int v;
        private final int r;
        private final int s;

        Rule(Nested inner, double[] betas, double decay, double sInit, double eps) {
            this.inner = inner;
            this.betas = betas;
            this.decay = decay;
            this.sInit = sInit;
            this.eps = eps;
            xRef = inner.slots();
            delta = xRef + 1;
            previous = xRef + 2;
            m = inner.scalars();
            v = m + betas.length;
            r = v + betas.length;
            s = r + betas.length;
        }

        @Override public int slots() {
            return previous + 1;
        }

        @Override public int scalars() {
            return s + betas.length;
        }

        @Override public void initialize(Buffers b) {
            b.slot(xRef).copyFrom(b.params());
            inner.initialize(b);
        }

        @Override public void step(Buffers b, StepContext ctx) {
            Vec x = b.params();
            Vec g = b.grad();
            Vec dl = b.slot(delta);
            Vec prev = b.slot(previous);
            int n = x.length();
            double[] sc = b.scalars();
            double scale = scaleSum(sc);
            double gsq = 0;
            double xsq = 0;
            double dg = 0;
            double dx = 0;
            for (int i = 0; i < n; i++) {
                double xi = x.get(i);
                double gi = g.get(i);
                double di = dl.get(i);
                gsq += gi * gi;
                xsq += xi * xi;
                dg += di * gi;
                dx += di * xi;
                prev.set(i, xi);
            }
            double h = dg;
            if (xsq > 0) {
                h += decay * scale * Math.sqrt(gsq) / Math.sqrt(xsq) * dx;
            }
            for (int j = 0; j < betas.length; j++) {
                double beta = betas[j];
                sc[m + j] = Math.max(beta * sc[m + j], Math.abs(h));
                sc[v + j] = beta * beta * sc[v + j] + h * h;
                sc[r + j] = Math.max(0, beta * sc[r + j] - sc[s + j] * h);
                double wealth = sInit / betas.length * sc[m + j] + sc[r + j];
                sc[s + j] = wealth / (Math.sqrt(sc[v + j]) + eps);
            }
            double next = scaleSum(sc);
            inner.step(b, ctx);
            Vec ref = b.slot(xRef);
            for (int i = 0; i < n; i++) {
                double di = dl.get(i) + (x.get(i) - prev.get(i));
                dl.set(i, di);
                x.set(i, ref.get(i) + next * dl.get(i));
            }
        }

        @Override public void evaluationPoint(Buffers b, Vec out) {
            out.copyFrom(b.params());
        }

        private double scaleSum(double[] sc) {
            double sum = 0;
            for (int j = 0; j < betas.length; j++) {
                sum += sc[s + j];
            }
            return sum;
        }
    }
}
