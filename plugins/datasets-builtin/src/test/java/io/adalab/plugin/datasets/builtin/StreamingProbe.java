package io.adalab.plugin.datasets.builtin;

import io.adalab.api.Batch;
import io.adalab.api.DType;
import io.adalab.api.Dataset;
import io.adalab.api.DatasetContext;
import io.adalab.api.DatasetProvider;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Run in a forked JVM with a small heap by {@link StreamingTest}: opens a dataset from a folder or
 * file larger than that heap, reads one training epoch and the test split, and prints the counts.
 */
public final class StreamingProbe {
    private StreamingProbe() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        Path path = Path.of(args[1]);
        DatasetProvider p = kind.equals("text") ? new TextDataset() : new MnistDataset();
        Map<String, ?> values = kind.equals("text")
            ? Map.of("path", path.toString(), "seq_length", 64, "stride", 1024)
            : Map.of("folder", path.toString());
        long examples = 0;
        try (Dataset d = p.open(p.schema().resolve(values), new DatasetContext(0, path.getParent(), DType.FLOAT32))) {
            for (Iterator<Batch> it = d.train(256, 1); it.hasNext(); ) {
                examples += it.next().size();
            }
            for (Iterator<Batch> it = d.test(256); it.hasNext(); ) {
                examples += it.next().size();
            }
            System.out.println("examples=" + examples + " expected=" + (d.trainSize() + d.testSize())
                + " maxHeap=" + Runtime.getRuntime().maxMemory());
        }
    }
}
