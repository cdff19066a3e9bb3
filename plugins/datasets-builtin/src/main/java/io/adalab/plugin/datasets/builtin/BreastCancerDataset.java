package io.adalab.plugin.datasets.builtin;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.PaperReference;
import java.io.IOException;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * {@code breast_cancer}: the Wisconsin Diagnostic Breast Cancer data, 569 examples, 30 features
 * (mean, standard error and worst of ten cell-nucleus measurements), 2 classes: malignant (212),
 * benign (357). Features differ in scale by four orders of magnitude, hence the default
 * {@code standard}.
 *
 * <p>Street, W. N., Wolberg, W. H., Mangasarian, O. L. (1993). Nuclear feature extraction for
 * breast tumor diagnosis. IS&amp;T/SPIE Symposium on Electronic Imaging, vol. 1905, 861-870. Via
 * the UCI repository and scikit-learn; see {@code breast_cancer.rst}.
 */
@Extension
public final class BreastCancerDataset extends ShippedDatasetProvider {
    private static final HyperparameterSchema SCHEMA = SplitOptions.schema(Normalization.STANDARD,
        Normalization.STANDARD, Normalization.MINMAX, Normalization.NONE).build();

    @Override public String id() {
        return "breast_cancer";
    }

    @Override public String displayName() {
        return "Breast cancer (Wisconsin diagnostic)";
    }

    @Override public String description() {
        return "569 tumours, 30 cell-nucleus features, malignant or benign (UCI WDBC).";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(new PaperReference("Street, Wolberg, Mangasarian", 1993,
            "Nuclear feature extraction for breast tumor diagnosis", "",
            "IS&T/SPIE Symposium on Electronic Imaging: Science and Technology, vol. 1905"));
    }

    @Override Table read() throws IOException {
        return TableReader.countedHeaderCsv("breast_cancer.csv");
    }
}
