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
 * {@code mnist}: 70000 28x28 grey images of handwritten digits, 60000 for training and the standard
 * 10000 for testing, from IDX files (see {@link IdxDatasetProvider}) in {@code folder}, by default
 * {@code /usr/share/datasets/mnist} if present, else {@code <data dir>/mnist}. Pixels scaled to
 * [0, 1].
 *
 * <p>LeCun, Y., Bottou, L., Bengio, Y., Haffner, P. (1998). Gradient-based learning applied to
 * document recognition. Proceedings of the IEEE 86(11), 2278-2324.
 */
@Extension
public final class MnistDataset extends IdxDatasetProvider {
    private static final Path SHARED = Path.of("/usr/share/datasets/mnist");
    private static final HyperparameterSchema SCHEMA = schema(SHARED + " if present, else <data dir>/mnist");

    @Override public String id() {
        return "mnist";
    }

    @Override public String displayName() {
        return "MNIST";
    }

    @Override public String description() {
        return "70000 28x28 grey images of handwritten digits, 60000 train / 10000 test; IDX files, streamed.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(new PaperReference("LeCun, Bottou, Bengio, Haffner", 1998,
            "Gradient-based learning applied to document recognition", "", "Proceedings of the IEEE 86(11)"));
    }

    @Override List<Path> defaultFolders(DatasetContext context) {
        List<Path> p = new ArrayList<>(List.of(SHARED));
        if (context.dataDir() != null) {
            p.add(context.dataDir().resolve("mnist"));
        }
        return p;
    }

    @Override List<String> classNames() {
        return List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    @Override String howToGetTheData() {
        return "Copy the four IDX files (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
            + "t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz; from http://yann.lecun.com/exdb/mnist/ or a "
            + "mirror) into a folder and set folder: /that/folder. Adalab never downloads data at run time.";
    }
}
