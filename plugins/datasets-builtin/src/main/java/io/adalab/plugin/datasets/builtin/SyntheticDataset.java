package io.adalab.plugin.datasets.builtin;

import io.adalab.api.Dataset;
import io.adalab.api.DatasetContext;
import io.adalab.api.DatasetProvider;
import io.adalab.api.HyperparameterException;
import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import org.pf4j.Extension;

/**
 * {@code synthetic}: seeded Gaussian blobs for classification ({@link Blobs}), balanced classes,
 * difficulty set by {@code class_sep} (spread of the class centres) against {@code noise} (spread
 * of each class). Like the split, the data depend on {@code data_seed}, not the run seed, so every
 * optimizer of an experiment sees the same examples. In the spirit of scikit-learn's
 * {@code make_blobs}, but not the same numbers.
 */
@Extension
public final class SyntheticDataset implements DatasetProvider {
    /** At most this many feature values (8 bytes each on the heap). */
    static final long MAX_VALUES = 50_000_000L;
    private static final HyperparameterSchema SCHEMA = SplitOptions.schema(Normalization.NONE,
            Normalization.NONE, Normalization.STANDARD, Normalization.MINMAX)
        .integer("n_samples", 1000).range(2, 10_000_000).help("number of examples, train and test together")
        .integer("n_features", 2).range(1, 100_000).help("dimension of each example")
        .integer("n_classes", 3).range(2, 10_000).help("number of classes (balanced)")
        .real("class_sep", 1.0).nonNegative().help("standard deviation of the class centres around the origin")
        .real("noise", 1.0).nonNegative().help("standard deviation of the examples around their class centre")
        .integer("data_seed", 0).help("seed of the generated data; not the run seed, so all runs share the data")
        .build();

    @Override public String id() {
        return "synthetic";
    }

    @Override public String displayName() {
        return "Synthetic Gaussian blobs";
    }

    @Override public String description() {
        return "Seeded isotropic Gaussian clusters, one per class; size, dimension and overlap configurable.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Dataset open(Hyperparameters hp, DatasetContext context) {
        int samples = hp.integerAsInt("n_samples");
        int features = hp.integerAsInt("n_features");
        int classes = hp.integerAsInt("n_classes");
        if ((long) samples * features > MAX_VALUES) {
            throw new HyperparameterException("n_samples", "n_samples x n_features is " + (long) samples * features
                + ", at most " + MAX_VALUES + " feature values fit in memory");
        }
        if (classes > samples) {
            throw new HyperparameterException("n_classes", "n_classes (" + classes + ") exceeds n_samples ("
                + samples + ")");
        }
        Table table = Blobs.generate(samples, features, classes, hp.real("class_sep"), hp.real("noise"),
            hp.integer("data_seed"));
        return SplitOptions.open(table, hp, context.dtype());
    }
}
