package io.adalab.plugin.datasets.builtin;

import io.adalab.api.Dataset;
import io.adalab.api.DatasetContext;
import io.adalab.api.DatasetProvider;
import io.adalab.api.Hyperparameters;
import java.io.IOException;

/**
 * A dataset read from a file inside this plugin's jar: parsed afresh on every {@link #open} (they
 * are small: digits, the largest, takes milliseconds), so no extension instance holds data.
 */
abstract class ShippedDatasetProvider implements DatasetProvider {

    /** Reads the shipped file. */
    abstract Table read() throws IOException;

    @Override public final Dataset open(Hyperparameters hyperparameters, DatasetContext context) throws IOException {
        return SplitOptions.open(read(), hyperparameters, context.dtype());
    }
}
