package io.adalab.plugin.datasets.builtin;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.PaperReference;
import java.io.IOException;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * {@code wine}: chemical analysis of 178 Italian wines from three cultivars, 13 features (alcohol,
 * malic acid, ..., proline), classes of 59, 71 and 48. Features span five orders of magnitude
 * (hue about 1, proline about 1000), hence the default scaling {@code standard}.
 *
 * <p>Origin: the UCI Wine recognition dataset (Forina, M. et al., PARVUS, Institute of
 * Pharmaceutical and Food Analysis and Technologies, Genoa), via scikit-learn; cite Lichman, M.
 * (2013). UCI Machine Learning Repository. See {@code wine_data.rst}.
 */
@Extension
public final class WineDataset extends ShippedDatasetProvider {
    private static final HyperparameterSchema SCHEMA = SplitOptions.schema(Normalization.STANDARD,
        Normalization.STANDARD, Normalization.MINMAX, Normalization.NONE).build();

    @Override public String id() {
        return "wine";
    }

    @Override public String displayName() {
        return "Wine";
    }

    @Override public String description() {
        return "178 wines, 13 chemical measurements, 3 cultivars (UCI wine recognition).";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(new PaperReference("Lichman", 2013, "UCI Machine Learning Repository", "",
            "University of California, Irvine, School of Information and Computer Sciences"));
    }

    @Override Table read() throws IOException {
        return TableReader.countedHeaderCsv("wine_data.csv");
    }
}
