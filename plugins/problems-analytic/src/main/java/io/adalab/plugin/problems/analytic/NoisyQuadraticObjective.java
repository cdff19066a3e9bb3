package io.adalab.plugin.problems.analytic;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Objective;
import io.adalab.api.ObjectiveFunction;
import io.adalab.api.PaperReference;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * The {@link QuadraticObjective quadratic} with isotropic Gaussian gradient noise of standard
 * deviation {@code noise_std}: a stand-in for minibatch noise that separates an optimizer's
 * behaviour under curvature from its behaviour under noise. Zhang et al. use a noisy quadratic
 * model (with curvature-aligned noise) to predict how optimizers scale with batch size; ours is
 * the simpler isotropic variant. Noise is deterministic per seed and call order
 * ({@link NoisyQuadratic}); the reported loss is noise-free.
 *
 * <p>Zhang, G., Li, L., Nado, Z., Martens, J., Sachdeva, S., Dahl, G. E., Shallue, C. J.,
 * Grosse, R. (2019). Which Algorithmic Choices Matter at Which Batch Sizes? Insights From a Noisy
 * Quadratic Model. NeurIPS 2019. arXiv:1907.04164.
 */
@Extension
public final class NoisyQuadraticObjective implements Objective {
    private static final HyperparameterSchema SCHEMA = QuadraticSchemas.base()
        .real("noise_std", 1.0).nonNegative()
            .help("standard deviation of the Gaussian noise added to each gradient coordinate (0: exact)")
        .build();

    @Override public String id() {
        return "noisy_quadratic";
    }

    @Override public String displayName() {
        return "Noisy quadratic";
    }

    @Override public String description() {
        return "The ill-conditioned quadratic with seeded Gaussian noise on every gradient; "
            + "the loss is reported without noise.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PaperReference.arxiv("Zhang, Li, Nado, Martens, Sachdeva, Dahl, Shallue, Grosse",
            2019, "Which Algorithmic Choices Matter at Which Batch Sizes? Insights From a Noisy Quadratic Model",
            "1907.04164", "NeurIPS 2019"));
    }

    @Override public ObjectiveFunction create(Hyperparameters hp, long seed) {
        return new NoisyQuadratic(QuadraticSchemas.build(hp, seed), hp.real("noise_std"), seed);
    }
}
