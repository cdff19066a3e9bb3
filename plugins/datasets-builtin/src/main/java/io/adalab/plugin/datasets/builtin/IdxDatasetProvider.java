package io.adalab.plugin.datasets.builtin;

import io.adalab.api.Dataset;
import io.adalab.api.DatasetContext;
import io.adalab.api.DatasetProvider;
import io.adalab.api.HyperparameterException;
import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * MNIST-style image data from the four IDX files of a folder ({@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte},
 * each raw or {@code .gz}, {@code .} accepted for the last {@code -}). Nothing is ever downloaded:
 * a missing file is an error that says where to get the data.
 */
abstract class IdxDatasetProvider implements DatasetProvider {
    private static final String[] FILES = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
        "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};

    /** The shared schema: {@code folder}, {@code subset}, {@code subset_seed}. */
    static HyperparameterSchema schema(String defaultFolderHelp) {
        return HyperparameterSchema.builder()
            .string("folder", null).optional()
                .help("folder holding the four IDX files (raw or .gz); default " + defaultFolderHelp)
            .integer("subset", null).optional().min(1)
                .help("train on this many examples only, drawn by subset_seed (the test set is always complete)")
            .integer("subset_seed", 0)
                .help("seed of the subset draw; not the run seed, so every run of an experiment sees the same subset")
            .build();
    }

    /** Folders tried, in order, when {@code folder} is not set. */
    abstract List<Path> defaultFolders(DatasetContext context);

    /** Class names, in label order. */
    abstract List<String> classNames();

    /** What to tell a user whose folder lacks the files. */
    abstract String howToGetTheData();

    @Override public final Dataset open(Hyperparameters hp, DatasetContext context) throws IOException {
        Path folder = folder(hp, context);
        List<IdxFile> open = new ArrayList<>();
        try {
            IdxFile trainImages = add(open, IdxFile.open(find(folder, FILES[0]), 3));
            byte[] trainLabels = labels(add(open, IdxFile.open(find(folder, FILES[1]), 1)), trainImages);
            IdxFile testImages = add(open, IdxFile.open(find(folder, FILES[2]), 3));
            byte[] testLabels = labels(add(open, IdxFile.open(find(folder, FILES[3]), 1)), testImages);
            open.get(1).close();
            open.get(3).close();
            if (!Arrays.equals(Arrays.copyOfRange(trainImages.dims(), 1, 3), Arrays.copyOfRange(testImages.dims(), 1, 3))) {
                throw new IOException(testImages.source() + ": images of " + Arrays.toString(testImages.dims())
                    + " do not match the training images " + Arrays.toString(trainImages.dims()));
            }
            int[] train = subset(hp, trainImages.count());
            return new IdxDataset(trainImages, trainLabels, testImages, testLabels, train, classNames(), context.dtype());
        } catch (IOException | RuntimeException e) {
            for (IdxFile f : open) {
                try {
                    f.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private Path folder(Hyperparameters hp, DatasetContext context) throws IOException {
        if (hp.has("folder")) {
            return Path.of(hp.string("folder"));
        }
        List<Path> tried = defaultFolders(context);
        for (Path p : tried) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new NoSuchFileException(tried.toString(), null, displayName() + " not found: none of " + tried
            + " exists. " + howToGetTheData());
    }

    private Path find(Path folder, String name) throws IOException {
        String dotted = name.substring(0, name.lastIndexOf('-')) + "." + name.substring(name.lastIndexOf('-') + 1);
        for (String n : new String[] {name, name + ".gz", dotted, dotted + ".gz"}) {
            Path p = folder.resolve(n);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new NoSuchFileException(folder.resolve(name).toString(), null, displayName() + ": " + folder.resolve(name)
            + "[.gz] not found. " + howToGetTheData());
    }

    private static IdxFile add(List<IdxFile> open, IdxFile f) {
        open.add(f);
        return f;
    }

    private byte[] labels(IdxFile labels, IdxFile images) throws IOException {
        if (labels.count() != images.count()) {
            throw new IOException(labels.source() + ": " + labels.count() + " labels for " + images.count() + " images in "
                + images.source());
        }
        byte[] y = labels.readAll();
        int classes = classNames().size();
        for (int i = 0; i < y.length; i++) {
            if ((y[i] & 0xff) >= classes) {
                throw new IOException(labels.source() + ": label " + (y[i] & 0xff) + " of example " + i + " is not below "
                    + classes);
            }
        }
        return y;
    }

    private static int[] subset(Hyperparameters hp, int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (!hp.has("subset")) {
            return all;
        }
        long k = hp.integer("subset");
        if (k > n) {
            throw new HyperparameterException("subset", "subset " + k + " exceeds the " + n + " training examples");
        }
        Shuffle.inPlace(all, new SplittableRandom(hp.integer("subset_seed")));
        int[] out = Arrays.copyOf(all, (int) k);
        Arrays.sort(out);
        return out;
    }
}
