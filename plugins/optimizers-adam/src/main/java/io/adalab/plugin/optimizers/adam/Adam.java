package io.adalab.plugin.optimizers.adam;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Optimizer;
import io.adalab.api.PaperReference;
import io.adalab.api.UpdateRule;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Adam as {@code torch.optim.Adam} 1.13: {@code d = g + wd*p}; {@code m = b1*m + (1-b1)*d};
 * {@code v = b2*v + (1-b2)*d^2}; {@code p -= lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps)}.
 *
 * <p>Kingma and Ba (2015), "Adam: A Method for Stochastic Optimization", ICLR, arXiv:1412.6980,
 * Algorithm 1. Differences: eps is added after bias-correcting sqrt(v), i.e. {@code sqrt(vhat) + eps}
 * as in Algorithm 1 (not the "efficient" form of Section 2, where eps meets the uncorrected sqrt(v));
 * {@code weight_decay} is coupled L2 (it enters m and v) unless {@code decoupled_weight_decay}, which
 * makes this {@link AdamW}. AMSGrad (Reddi, Kale, Kumar 2018, "On the Convergence of Adam and
 * Beyond", ICLR, Algorithm 2) keeps the running maximum of the raw v and divides by the current
 * sqrt(1-b2^t), as torch does (torch's docstring and the paper take the maximum of vhat). A schedule
 * may drive {@code beta1} (one-cycle); the bias correction then uses the current beta1, as torch.
 */
@Extension
public final class Adam implements Optimizer {
    static HyperparameterSchema schema(double weightDecay, boolean decoupled) {
        return HyperparameterSchema.builder()
            .real("lr", 1e-3).positive().logScale().help("learning rate (step size alpha)")
            .real("beta1", 0.9).min(0).below(1).help("decay of the first-moment average")
            .real("beta2", 0.999).min(0).below(1).help("decay of the second-moment average")
            .real("eps", 1e-8).nonNegative().logScale().help("added to the bias-corrected sqrt(v)")
            .real("weight_decay", weightDecay).nonNegative()
                .help("weight decay: L2 added to the gradient, or p *= 1 - lr*wd if decoupled")
            .bool("amsgrad", false).help("divide by the running maximum of v (AMSGrad)")
            .bool("decoupled_weight_decay", decoupled).help("decoupled weight decay, as AdamW")
            .bool("maximize", false).help("maximize the objective instead of minimizing it")
            .build();
    }

    private static final HyperparameterSchema SCHEMA = schema(0.0, false);

    @Override public String id() {
        return "adam";
    }

    @Override public String displayName() {
        return "Adam";
    }

    @Override public String description() {
        return "Bias-corrected moment estimates of the gradient and its square (torch.optim.Adam), with AMSGrad.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PaperReference.arxiv("Kingma, Ba", 2015, "Adam: A Method for Stochastic Optimization",
            "1412.6980", "ICLR 2015"));
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return rule(h);
    }

    static UpdateRule rule(Hyperparameters h) {
        return new AdamRule(h.real("beta1"), h.real("beta2"), h.real("eps"), h.real("weight_decay"), h.bool("amsgrad"),
            h.bool("decoupled_weight_decay"), h.bool("maximize") ? -1 : 1);
    }
}
