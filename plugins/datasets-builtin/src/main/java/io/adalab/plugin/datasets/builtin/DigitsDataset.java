package io.adalab.plugin.datasets.builtin;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.PaperReference;
import java.io.IOException;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * {@code digits}: 1797 handwritten digits as 8x8 images (64 features, integer pixel counts 0..16,
 * row-major), 10 classes of 174-183 examples. Default scaling {@code scale16} (pixels / 16, into
 * [0, 1]), the classic choice and that of the optimizer reference problem {@code logreg-digits200}.
 *
 * <p>Origin: scikit-learn's copy of the test set of the UCI "Optical Recognition of Handwritten
 * Digits" dataset (E. Alpaydin, C. Kaynak, 1998). Alpaydin, E., Kaynak, C. (1998). Cascading
 * Classifiers. Kybernetika. Details in {@code digits.rst} and the module README.
 */
@Extension
public final class DigitsDataset extends ShippedDatasetProvider {
    private static final HyperparameterSchema SCHEMA = SplitOptions.schema(Normalization.SCALE16,
        Normalization.SCALE16, Normalization.STANDARD, Normalization.MINMAX, Normalization.NONE).build();

    @Override public String id() {
        return "digits";
    }

    @Override public String displayName() {
        return "Handwritten digits (8x8)";
    }

    @Override public String description() {
        return "1797 8x8 grey images of digits 0-9, 64 features; UCI optical digits test set via scikit-learn.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(new PaperReference("Alpaydin, Kaynak", 1998, "Cascading Classifiers", "",
            "Kybernetika"));
    }

    @Override Table read() throws IOException {
        return TableReader.digits("digits.csv.gz", 1797);
    }
}
