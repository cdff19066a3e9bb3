package io.adalab.plugin.optimizers.classic;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Optimizer;
import io.adalab.api.PaperReference;
import io.adalab.api.UpdateRule;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Adafactor: Shazeer and Stern (2018), "Adafactor: Adaptive Learning Rates with Sublinear Memory
 * Cost", ICML, arXiv:1804.04235. Algorithm 4 (factored second moments for matrices, eqs. in
 * Section 3: {@code R_t = b2 R + (1-b2)(G^2 + eps1) 1}, {@code C_t = b2 C + (1-b2) 1^T (G^2 + eps1)},
 * {@code V = R C / (1^T R)}), Algorithm 5 for vectors, update clipping (Section 6:
 * {@code U / max(1, RMS(U)/d)}), the decay {@code b2_t = 1 - t^decay_rate} (Section 7.2) and the
 * relative step size {@code rho_t = min(1e-2, 1/sqrt(t))} scaled by {@code max(eps2, RMS(X))}
 * (Section 8).
 *
 * <p>Defaults follow the paper and Hugging Face's {@code transformers.Adafactor} (the common
 * PyTorch port, whose update order we follow): {@code eps1 = 1e-30}, {@code eps2 = 1e-3},
 * {@code clip_threshold = 1}, {@code decay_rate = -0.8}, no first moment ({@code beta1 = 0}),
 * {@code relative_step}, {@code scale_parameter}, no {@code warmup_init}. Our means are taken with
 * factors computed over each parameter group (a group of rank >= 2 with shape {@code [..., R, C]}
 * is factored as {@code R x C} blocks in row-major order; others are unfactored); with
 * {@code relative_step} the schedule still applies as the factor {@code learningRate / lr}
 * (1 without a schedule). Differences from the paper: the first moment (if {@code beta1 > 0})
 * averages the scaled, clipped update, as in Hugging Face; weight decay is decoupled,
 * {@code p -= wd * alpha_t * p}. The factored statistics take {@code R + C} numbers per
 * {@code R x C} block (the rule declares its slot's length), so the state is as small as the
 * paper's: the platform reports it per run as {@code optimizer_state_bytes}.
 */
@Extension
public final class Adafactor implements Optimizer {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 1e-2).positive().logScale()
            .help("step size when relative_step is false; otherwise only the schedule's factor lr_t/lr applies")
        .real("eps1", 1e-30).nonNegative().logScale().help("regulariser added to the squared gradient")
        .real("eps2", 1e-3).nonNegative().logScale().help("lower bound of the parameter scale RMS(X)")
        .real("clip_threshold", 1.0).positive().help("update clipping threshold d")
        .real("decay_rate", -0.8).range(-1, 0).help("beta2_t = 1 - t^decay_rate")
        .real("beta1", 0.0).min(0).below(1).help("first-moment decay; 0 keeps no first moment (the paper's choice)")
        .real("weight_decay", 0.0).nonNegative().help("decoupled decay, multiplied by the step size")
        .bool("scale_parameter", true).help("scale the step by max(eps2, RMS(parameters)) of each group")
        .bool("relative_step", true).help("step size min(1e-2, 1/sqrt(t)) instead of lr")
        .bool("warmup_init", false).help("with relative_step: min(1e-6 t, 1/sqrt(t)) instead")
        .build();

    @Override public String id() {
        return "adafactor";
    }

    @Override public String displayName() {
        return "Adafactor";
    }

    @Override public String description() {
        return "Adam-like steps with factored second moments, update clipping and relative step sizes.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PaperReference.arxiv("Shazeer, Stern", 2018,
            "Adafactor: Adaptive Learning Rates with Sublinear Memory Cost", "1804.04235", "ICML 2018"));
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new AdafactorRule(new AdafactorRule.Config(h.real("lr"), h.real("eps1"), h.real("eps2"),
            h.real("clip_threshold"), h.real("decay_rate"), h.real("beta1"), h.real("weight_decay"),
            h.bool("scale_parameter"), h.bool("relative_step"), h.bool("warmup_init")));
    }
}
