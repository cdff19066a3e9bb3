package io.adalab.plugin.optimizers.modern;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Optimizer;
import io.adalab.api.PaperReference;
import io.adalab.api.UpdateRule;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * signSGD: move every coordinate by {@code lr} against the sign of its gradient, i.e. steepest
 * descent in the max-norm with one bit per coordinate. Bernstein, Wang, Azizzadenesheli,
 * Anandkumar (2018), "signSGD: Compressed Optimisation for Non-Convex Problems", ICML 2018,
 * arXiv:1802.04434, Algorithm 1: {@code x_{k+1} = x_k - delta sign(g_k)}, {@code sign(0) = 0}.
 * Theorem 1 bounds the mean l1 gradient norm for {@code delta = 1/sqrt(||L||_1 K)}.
 *
 * <p>{@link Signum} with {@code momentum = 0}; stateless (no slots). {@code weight_decay} is coupled
 * L2 added to the gradient before the sign (not in the paper).
 */
@Extension
public final class SignSgd implements Optimizer {
    static final PaperReference PAPER = PaperReference.arxiv("Bernstein, Wang, Azizzadenesheli, Anandkumar", 2018,
        "signSGD: Compressed Optimisation for Non-Convex Problems", "1802.04434", "ICML 2018");
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 1e-4).positive().logScale().help("step delta of every coordinate")
        .real("weight_decay", 0.0).nonNegative().help("L2 coefficient added to the gradient")
        .build();

    @Override public String id() {
        return "signsgd";
    }

    @Override public String displayName() {
        return "signSGD";
    }

    @Override public String description() {
        return "Sign of the gradient: each coordinate moves by exactly lr.";
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PAPER);
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new SignRule(0, h.real("weight_decay"));
    }
}
