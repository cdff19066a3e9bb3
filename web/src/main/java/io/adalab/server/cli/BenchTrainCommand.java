package io.adalab.server.cli;

import io.adalab.api.Batch;
import io.adalab.api.Dataset;
import io.adalab.api.DatasetContext;
import io.adalab.api.TrainableModel;
import io.adalab.api.dl4j.Dl4jModel;
import io.adalab.core.Workbench;
import io.adalab.core.events.RunEvent;
import io.adalab.core.spec.RunSpec;
import io.adalab.core.train.RunOutcome;
import io.adalab.core.train.Trainer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code adalab bench train}: the quickstart MLP trained by our loop with our Adam plugin (telemetry
 * on) and by DL4J's own {@code fit()} with DL4J's Adam, on the same network, data and batches,
 * interleaved in one JVM. Prints samples/s of each and the ratio.
 */
@Command(name = "train", description = "Our trainer + Adam plugin vs DL4J fit() + DL4J Adam, interleaved; samples/s and ratio.")
final class BenchTrainCommand implements Callable<Integer> {
    @Option(names = "--rounds", defaultValue = "5", description = "measured rounds per trainer (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--epochs", defaultValue = "3", description = "epochs per round (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--dataset", defaultValue = "digits", description = "dataset id (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--model", defaultValue = "{type: mlp, hidden: [64]}", description = "model as YAML (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--batch-size", defaultValue = "32", description = "minibatch size (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override public Integer call() throws Exception {
        if (rounds < 1 || epochs < 1 || batchSize < 1) {
            throw new CliError(2, "--rounds, --epochs and --batch-size must be >= 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        Workbench.initNd4j();
        Path tmp = Files.createTempDirectory("adalab-bench");
        common.dataDir = tmp;
        try (Workbench wb = common.open()) {
            RunSpec run = wb.planner().plan("name: bench-train\ndataset: " + dataset + "\nmodel: " + model
                + "\ntraining: {epochs: " + epochs + ", batch_size: " + batchSize + ", evaluate: false}\n"
                + "compare: [{optimizer: adam, lr: 0.001}]\n", false).runs().get(0);
            out.printf("bench train: %s on %s, batch %d, %d epochs per round, %d rounds each, interleaved%n",
                model, dataset, batchSize, epochs, rounds);
            List<Double> ours = new ArrayList<>();
            List<Double> theirs = new ArrayList<>();
            List<double[]> oursMem = new ArrayList<>();
            List<double[]> theirsMem = new ArrayList<>();
            ours(wb, run, tmp);
            dl4j(run, tmp); // warm-up both
            for (int r = 0; r < rounds; r++) {
                try (PeakMemory m = new PeakMemory()) {
                    ours.add(ours(wb, run, tmp));
                    oursMem.add(new double[] {m.heapMiB(), m.offHeapMiB()});
                }
                try (PeakMemory m = new PeakMemory()) {
                    theirs.add(dl4j(run, tmp));
                    theirsMem.add(new double[] {m.heapMiB(), m.offHeapMiB()});
                }
                out.printf("  round %d: adalab %.0f samples/s, dl4j fit() %.0f samples/s%n", r + 1, ours.get(r), theirs.get(r));
                out.flush();
            }
            double a = median(ours);
            double b = median(theirs);
            out.println();
            TextTable t = new TextTable("trainer", "optimizer", "telemetry", "samples/s (median)", "min", "max", "ratio",
                "peak heap MiB", "peak off-heap MiB");
            t.add("adalab loop", "adam plugin", "on", fmt(a), fmt(min(ours)), fmt(max(ours)), String.format(Locale.ROOT, "%.2fx", a / b),
                fmt(median(oursMem.stream().map(x -> x[0]).toList())), fmt(median(oursMem.stream().map(x -> x[1]).toList())));
            t.add("dl4j fit()", "dl4j Adam", "-", fmt(b), fmt(min(theirs)), fmt(max(theirs)), "1.00x",
                fmt(median(theirsMem.stream().map(x -> x[0]).toList())), fmt(median(theirsMem.stream().map(x -> x[1]).toList())));
            t.print(out);
            out.println("Peaks are medians over rounds of values sampled every 5 ms; off-heap = ND4J's allocated native memory.");
            return 0;
        }
    }

    /** Samples per second of our loop, between its first and last step. */
    private static double ours(Workbench wb, RunSpec run, Path dir) {
        double[] first = {Double.NaN};
        double[] last = {0};
        long[] steps = {0};
        RunOutcome o = new Trainer(dir).run(run, 0, e -> {
            if (e instanceof RunEvent.Step s) {
                if (Double.isNaN(first[0])) {
                    first[0] = s.wallSeconds();
                }
                last[0] = s.wallSeconds();
                steps[0] = s.step();
            }
        }, () -> false);
        if (o.status() != io.adalab.core.events.RunStatus.FINISHED) {
            throw new CliError(1, "our run ended " + o.status() + ": " + o.message());
        }
        return (steps[0] - 1) * (double) run.training().batchSize() / (last[0] - first[0]);
    }

    /** Samples per second of DL4J's fit() with its Adam on the same network and batches. */
    private static double dl4j(RunSpec run, Path dir) throws Exception {
        try (Dataset data = run.dataset().extension().open(run.dataset().hyperparameters(),
                new DatasetContext(run.seed(), dir, run.training().dtype()));
             TrainableModel m = run.model().extension().create(data.shape(), run.model().hyperparameters(),
                 run.training().dtype(), run.seed())) {
            if (!(m instanceof Dl4jModel dm)) {
                throw new CliError(2, "model " + run.model().id() + " is not a DL4J network; bench train needs one");
            }
            MultiLayerConfiguration conf = dm.network().getLayerWiseConfigurations().clone();
            for (int i = 0; i < conf.getConfs().size(); i++) {
                if (conf.getConf(i).getLayer() instanceof BaseLayer bl) {
                    bl.setIUpdater(new Adam(1e-3));
                }
            }
            MultiLayerNetwork net = new MultiLayerNetwork(conf);
            net.init();
            long samples = 0;
            long t0 = 0;
            boolean started = false;
            for (int e = 0; e < run.training().epochs(); e++) {
                Iterator<Batch> it = data.train(run.training().batchSize(), run.seed() * 1_000_003L + e);
                while (it.hasNext()) {
                    Batch b = it.next();
                    net.fit(new DataSet(b.features(), b.labels()));
                    if (!started) {
                        started = true; // time from the end of the first step, like ours
                        t0 = System.nanoTime();
                    } else {
                        samples += b.size();
                    }
                }
            }
            return samples / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    static double[] sorted(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c;
    }
}
