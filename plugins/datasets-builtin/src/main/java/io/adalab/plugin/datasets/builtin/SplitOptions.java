package io.adalab.plugin.datasets.builtin;

import io.adalab.api.DType;
import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import java.util.Arrays;

/** The split and scaling hyperparameters every built-in dataset shares, and how they are applied. */
final class SplitOptions {
    private SplitOptions() {
    }

    /**
     * A schema builder with {@code test_fraction}, {@code split_seed} and {@code normalize}
     * ({@code normalizeDefault} first among {@code choices}).
     */
    static HyperparameterSchema.Builder schema(Normalization normalizeDefault, Normalization... choices) {
        String[] names = Arrays.stream(choices).map(Normalization::choice).toArray(String[]::new);
        return HyperparameterSchema.builder()
            .real("test_fraction", 0.2).above(0).below(1)
                .help("fraction of the examples held out for testing, stratified by class")
            .integer("split_seed", 0)
                .help("seed of the train/test split; deliberately not the run seed, so every run and every "
                    + "optimizer of an experiment trains and tests on the same examples")
            .choice("normalize", normalizeDefault.choice(), names)
                .help("feature scaling fitted on the training split: standard (z-score), minmax ([0, 1]), "
                    + (Arrays.asList(choices).contains(Normalization.SCALE16) ? "scale16 (pixels / 16), " : "")
                    + "none; default " + normalizeDefault.choice());
    }

    /** Splits {@code table}, normalises it in place with training statistics, and wraps it. */
    static TableDataset open(Table table, Hyperparameters hp, DType dtype) {
        Split split = Split.stratified(table.y(), table.classes(), hp.real("test_fraction"), hp.integer("split_seed"));
        Normalization.of(hp.string("normalize")).apply(table.x(), table.cols(), split.train());
        return new TableDataset(table, split, dtype);
    }
}
