package io.adalab.plugin.optimizers.lrfree;

import io.adalab.api.Buffers;
import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Optimizer;
import io.adalab.api.PaperReference;
import io.adalab.api.StepContext;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Lookahead: an inner optimizer takes {@code k} fast steps, then the slow weights move a fraction
 * {@code alpha} towards the fast ones and the fast weights restart from there, Zhang, Lucas,
 * Hinton &amp; Ba (2019), "Lookahead Optimizer: k steps forward, 1 step back", arXiv:1907.08610
 * (Algorithm 1).
 *
 * <p>Follows the authors' {@code lookahead_pytorch.py} (michaelrzhang/lookahead, commit c4fd85f7):
 * the slow weights start at the initial parameters; after every inner step a counter is
 * incremented and when it reaches {@code k} it resets and
 * <pre>
 * p    = alpha p + (1-alpha) slow       (evaluated as p*alpha + slow*(1-alpha))
 * slow = p
 * </pre>
 * The parameters are the fast weights, which equal the slow weights right after a
 * synchronisation; the evaluation point is the inner optimizer's (the fast weights for most).
 *
 * <p>{@code pullback_momentum}: {@code none} leaves the inner state alone; {@code reset} zeroes the
 * momentum buffer of an inner {@code sgd} at every synchronisation (the buffer then exists, so the
 * next SGD step computes {@code buf = momentum * 0 + (1-dampening) d}). As in the authors' code,
 * which only touches torch SGD's {@code momentum_buffer}, {@code reset} does nothing to other
 * inner optimizers (Adam's moments are kept). The code's third option, {@code pullback}
 * (interpolate the momentum buffer with a snapshot taken at the last synchronisation), is not
 * offered: in that code the snapshot aliases the live buffer after the first synchronisation, so
 * from the second one on it computes {@code buf = alpha buf + (1-alpha) alpha buf} instead - a bug
 * we do not copy, and no reference trajectory covers it.
 *
 * <p>State: the inner optimizer's slots and scalars come first in this rule's buffers, then the
 * slow weights (one slot) and the counter (one scalar). The inner optimizer's learning rate is its
 * own {@code lr} times this rule's {@link StepContext#learningRate()} (1 scaled by the run's
 * schedule: Lookahead has no {@code lr} of its own).
 */
@Extension
public final class Lookahead implements Optimizer {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .integer("k", 5).min(1).help("inner (fast) steps between synchronisations")
        .real("alpha", 0.8).range(0, 1).help("step of the slow weights towards the fast weights")
        .choice("pullback_momentum", "none", "none", "reset").help("what happens to the inner SGD momentum at a synchronisation")
        .optimizer("inner", Map.of("optimizer", "adam")).help("the inner optimizer and its hyperparameters, e.g. {optimizer: adam, lr: 0.001}")
        .build();

    @Override public String id() {
        return "lookahead";
    }

    @Override public String displayName() {
        return "Lookahead";
    }

    @Override public String description() {
        return "Wraps any optimizer: k fast steps, then the slow weights move towards the fast ones.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(Papers.LOOKAHEAD);
    }

    @Override public UpdateRule create(Hyperparameters h) {
        Nested inner = new Nested(h.optimizer("inner"));
        boolean reset = h.string("pullback_momentum").equals("reset") && inner.id().equals("sgd");
        return new Rule(inner, h.integer("k"), h.real("alpha"), reset);
    }

    private static final class Rule implements UpdateRule {
        private final Nested inner;
        private final long k;
        private final double alpha;
        private final boolean resetMomentum;
        private final int slow;
        private final int counter;

        Rule(Nested inner, long k, double alpha, boolean resetMomentum) {
            this.inner = inner;
            this.k = k;
            this.alpha = alpha;
            this.resetMomentum = resetMomentum;
            this.slow = inner.slots();
            this.counter = inner.scalars();
        }

        @Override public int slots() {
            return slow + 1;
        }

        @Override public int scalars() {
            return counter + 1;
        }

        @Override public void initialize(Buffers b) {
            b.slot(slow).copyFrom(b.params());
            inner.initialize(b);
        }

        @Override public void step(Buffers b, StepContext ctx) {
            inner.step(b, ctx);
            double[] sc = b.scalars();
            sc[counter] += 1;
            if (sc[counter] < k) {
                return;
            }
            sc[counter] = 0;
            Vec p = b.params();
            Vec s = b.slot(slow);
            for (int i = 0, n = p.length(); i < n; i++) {
                double pi = p.get(i) * alpha + s.get(i) * (1 - alpha);
                p.set(i, pi);
                s.set(i, p.get(i));
            }
            if (resetMomentum) {
                inner.zeroSlots(b);
            }
        }

        @Override public void evaluationPoint(Buffers b, Vec out) {
            inner.evaluationPoint(b, out);
        }
    }
}
