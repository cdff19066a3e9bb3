package io.adalab.api;

import java.nio.file.Path;

/**
 * Where and how a dataset is opened.
 *
 * @param seed    the run's seed (for splits and synthetic data)
 * @param dataDir the Adalab data folder, for datasets that cache or look for files there
 * @param dtype   precision the batches' arrays must have (the model's)
 */
public record DatasetContext(long seed, Path dataDir, DType dtype) {
}
