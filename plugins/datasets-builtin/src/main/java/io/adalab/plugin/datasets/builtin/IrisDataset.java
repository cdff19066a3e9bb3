package io.adalab.plugin.datasets.builtin;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.PaperReference;
import java.io.IOException;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * {@code iris}: Fisher's iris flowers, 150 examples, 4 features (sepal and petal length and width
 * in cm), 3 classes of 50 (setosa, versicolor, virginica). Default scaling {@code standard}.
 *
 * <p>Fisher, R. A. (1936). The use of multiple measurements in taxonomic problems. Annals of
 * Eugenics 7(2), 179-188. scikit-learn's copy, the same as R's (see {@code iris.rst}).
 */
@Extension
public final class IrisDataset extends ShippedDatasetProvider {
    private static final HyperparameterSchema SCHEMA = SplitOptions.schema(Normalization.STANDARD,
        Normalization.STANDARD, Normalization.MINMAX, Normalization.NONE).build();

    @Override public String id() {
        return "iris";
    }

    @Override public String displayName() {
        return "Iris";
    }

    @Override public String description() {
        return "Fisher's iris flowers: 150 examples, 4 measurements, 3 species.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(new PaperReference("Fisher", 1936,
            "The use of multiple measurements in taxonomic problems", "", "Annals of Eugenics 7(2)"));
    }

    @Override Table read() throws IOException {
        return TableReader.countedHeaderCsv("iris.csv");
    }
}
