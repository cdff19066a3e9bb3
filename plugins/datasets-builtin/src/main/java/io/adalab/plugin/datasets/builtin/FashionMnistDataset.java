package io.adalab.plugin.datasets.builtin;

import io.adalab.api.DatasetContext;
import io.adalab.api.HyperparameterSchema;
import io.adalab.api.PaperReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * {@code fashion-mnist}: 70000 28x28 grey images of clothing in 10 classes, 60000 for training and
 * the standard 10000 for testing. Read from IDX files (see {@link IdxDatasetProvider}); the default
 * folder is {@code /usr/share/datasets/fashion-mnist} (Debian package {@code dataset-fashion-mnist},
 * MIT licence), else {@code <data dir>/fashion-mnist}. Pixels scaled to [0, 1], no other
 * preprocessing, as in DeepOBS.
 *
 * <p>Xiao, H., Rasul, K., Vollgraf, R. (2017). Fashion-MNIST: a Novel Image Dataset for
 * Benchmarking Machine Learning Algorithms. arXiv:1708.07747.
 */
@Extension
public final class FashionMnistDataset extends IdxDatasetProvider {
    /** Where the Debian package puts the files. */
    static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");
    private static final HyperparameterSchema SCHEMA = schema(DEBIAN + " if present, else <data dir>/fashion-mnist");

    @Override public String id() {
        return "fashion-mnist";
    }

    @Override public String displayName() {
        return "Fashion-MNIST";
    }

    @Override public String description() {
        return "70000 28x28 grey images of clothing, 10 classes, 60000 train / 10000 test; IDX files, streamed.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(new PaperReference("Xiao, Rasul, Vollgraf", 2017, "Fashion-MNIST: a Novel Image Dataset for "
            + "Benchmarking Machine Learning Algorithms", "1708.07747", ""));
    }

    @Override List<Path> defaultFolders(DatasetContext context) {
        List<Path> p = new ArrayList<>(List.of(DEBIAN));
        if (context.dataDir() != null) {
            p.add(context.dataDir().resolve("fashion-mnist"));
        }
        return p;
    }

    @Override List<String> classNames() {
        return List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
            "Ankle boot");
    }

    @Override String howToGetTheData() {
        return "Install the Debian package (MIT licence): apt-get install dataset-fashion-mnist, which puts the four "
            + "IDX files in " + DEBIAN + "; or copy train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
            + "t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz from "
            + "https://github.com/zalandoresearch/fashion-mnist into a folder and set folder: /that/folder. "
            + "Adalab never downloads data at run time.";
    }
}
