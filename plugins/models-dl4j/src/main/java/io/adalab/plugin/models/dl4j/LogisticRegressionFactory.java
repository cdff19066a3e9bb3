package io.adalab.plugin.models.dl4j;

import io.adalab.api.DType;
import io.adalab.api.DataShape;
import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.ModelFactory;
import io.adalab.api.PaperReference;
import io.adalab.api.TrainableModel;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * {@code logreg}: multinomial logistic regression, {@code p(y | x) = softmax(W x + b)}, trained on
 * the mean cross-entropy; a single DL4J {@code OutputLayer}. For regression datasets the same
 * layer with identity output and mean squared error (linear least squares). Convex in its
 * parameters, which makes it the cleanest real-data test of an optimizer; the optimizer reference
 * problem {@code logreg-digits200} is this model on digits.
 *
 * <p>Default initialisation is all zeros, the usual start for a convex model; the seed then
 * changes nothing. Cox, D. R. (1958). The regression analysis of binary sequences. Journal of the
 * Royal Statistical Society B 20(2), 215-242.
 */
@Extension
public final class LogisticRegressionFactory implements ModelFactory {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .choice("weight_init", "zeros", "zeros", "xavier", "lecun")
            .help("initial weights: zeros (default; convex model), xavier N(0, 2/(fan_in+fan_out)), "
                + "lecun N(0, 1/fan_in); biases start at 0")
        .build();

    @Override public String id() {
        return "logreg";
    }

    @Override public String displayName() {
        return "Logistic regression";
    }

    @Override public String description() {
        return "Multinomial logistic regression (softmax + cross-entropy); linear regression with MSE for "
            + "regression data.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(new PaperReference("Cox", 1958, "The regression analysis of binary sequences", "",
            "Journal of the Royal Statistical Society B 20(2)"));
    }

    @Override public TrainableModel create(DataShape shape, Hyperparameters hp, DType dtype, long seed) {
        WeightInitChoice init = WeightInitChoice.of(hp.string("weight_init"));
        return Networks.finish(Networks.start(dtype, seed).layer(Networks.output(id(), shape, init, 1)), id(), shape);
    }
}
