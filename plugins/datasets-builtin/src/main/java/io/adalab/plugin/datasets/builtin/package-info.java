/**
 * Built-in datasets as {@link io.adalab.api.DatasetProvider} extensions: four small real
 * classification datasets shipped inside the plugin jar (digits, iris, wine, breast cancer; copied
 * byte for byte from scikit-learn 1.2.1, see the module's README for origin and licence) and
 * seeded synthetic Gaussian blobs. All hold their data in heap arrays and create the batch
 * {@code INDArray}s per batch, in the precision the run asks for.
 */
package io.adalab.plugin.datasets.builtin;
