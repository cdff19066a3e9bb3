package io.adalab.plugin.optimizers.adam;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Optimizer;
import io.adalab.api.PaperReference;
import io.adalab.api.UpdateRule;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * AdamW as {@code torch.optim.AdamW} 1.13: first {@code p *= 1 - lr*wd} with the current (scheduled)
 * lr, then {@link Adam}'s step on the raw gradient. Default {@code weight_decay} 0.01.
 *
 * <p>Loshchilov and Hutter (2019), "Decoupled Weight Decay Regularization", ICLR, arXiv:1711.05101,
 * Algorithm 2 (line 12). Differences: the paper's decay is {@code eta_t * lambda * theta} with a
 * schedule multiplier eta_t and a separate alpha; torch (and we) multiply by lr itself, so the decay
 * scales with the learning rate. eps placement and AMSGrad as in {@link Adam}. Setting
 * {@code decoupled_weight_decay} to false gives plain Adam with L2.
 */
@Extension
public final class AdamW implements Optimizer {
    private static final HyperparameterSchema SCHEMA = Adam.schema(0.01, true);

    @Override public String id() {
        return "adamw";
    }

    @Override public String displayName() {
        return "AdamW";
    }

    @Override public String description() {
        return "Adam with decoupled weight decay (torch.optim.AdamW).";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PaperReference.arxiv("Loshchilov, Hutter", 2019, "Decoupled Weight Decay Regularization",
            "1711.05101", "ICLR 2019"));
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return Adam.rule(h);
    }
}
