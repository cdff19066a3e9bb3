package io.adalab.plugin.optimizers.modern;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Optimizer;
import io.adalab.api.PaperReference;
import io.adalab.api.UpdateRule;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Signum: signSGD with momentum, every coordinate moves by {@code lr} in the direction of the sign
 * of an exponential moving average of gradients. Bernstein, Wang, Azizzadenesheli, Anandkumar
 * (2018), "signSGD: Compressed Optimisation for Non-Convex Problems", ICML 2018, arXiv:1802.04434,
 * the Signum algorithm (the momentum counterpart of Algorithm 1, signSGD):
 * <pre>
 *   m_{k+1} = beta m_k + (1 - beta) g_k,    x_{k+1} = x_k - delta sign(m_{k+1})
 * </pre>
 * with {@code m_0 = 0} and no bias correction (the sign is invariant to the {@code 1 - beta^k}
 * factor anyway); {@code sign(0) = 0}. The paper does not treat weight decay; {@code weight_decay}
 * here is coupled L2 added to the gradient before the average, as in the authors' MXNet
 * implementation, not Lion-style decoupled decay. With {@code momentum = 0} this is
 * {@link SignSgd}.
 *
 * <p>Slot: {@code m}. {@code momentum} may be driven by a schedule.
 */
@Extension
public final class Signum implements Optimizer {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 1e-4).positive().logScale().help("step delta of every coordinate")
        .real("momentum", 0.9).min(0).below(1).help("decay beta of the gradient average; 0 gives signSGD")
        .real("weight_decay", 0.0).nonNegative().help("L2 coefficient added to the gradient")
        .build();

    @Override public String id() {
        return "signum";
    }

    @Override public String displayName() {
        return "Signum";
    }

    @Override public String description() {
        return "Sign of the momentum: each coordinate moves by exactly lr (signSGD with momentum).";
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(SignSgd.PAPER);
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new SignRule(h.real("momentum"), h.real("weight_decay"));
    }
}
