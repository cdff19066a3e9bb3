package io.adalab.core.train;

import io.adalab.api.Batch;
import io.adalab.api.Dataset;
import io.adalab.api.DType;
import io.adalab.api.Evaluation;
import io.adalab.api.ParameterGroup;
import io.adalab.api.Task;
import io.adalab.api.TrainableModel;
import io.adalab.api.Vec;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A model trained on a dataset; each epoch is one shuffled pass over the training split. */
final class ModelSource implements TrainingSource {
    private final TrainableModel model;
    private final Dataset data;
    private final int batchSize;
    private final long seed;
    private final boolean evalTrain;
    /** The dataset's task, asked once (the step loop consults it for language models' token counts). */
    private final Task task;

    ModelSource(TrainableModel model, Dataset data, int batchSize, long seed, boolean evalTrain) {
        this.model = model;
        this.data = data;
        this.batchSize = batchSize;
        this.seed = seed;
        this.evalTrain = evalTrain;
        this.task = data.shape().task();
    }

    @Override public DType dtype() {
        return model.dtype();
    }

    @Override public List<ParameterGroup> groups() {
        return model.groups();
    }

    @Override public void initialParameters(Vec out) {
        model.initialParameters(out);
    }

    @Override public long stepsPerEpoch() {
        return Math.max(1, (data.trainSize() + batchSize - 1) / batchSize);
    }

    @Override public Iterator<Batch> epoch(int epoch) {
        // a distinct, reproducible shuffle per (run seed, epoch)
        return data.train(batchSize, seed * 1_000_003L + epoch);
    }

    @Override public double lossAndGradient(Vec params, Batch batch, Vec gradOut) {
        return model.lossAndGradient(params, batch, gradOut);
    }

    @Override public long tokens(Batch batch) {
        return task == Task.LANGUAGE_MODEL ? io.adalab.api.dl4j.Dl4jSequenceModel.tokens(batch) : 0;
    }

    @Override public Map<String, Double> evaluate(Vec point) {
        Map<String, Double> m = new LinkedHashMap<>();
        boolean lm = task == Task.LANGUAGE_MODEL;
        boolean cls = task == Task.CLASSIFICATION;
        if (evalTrain) {
            put(m, "train", evaluate(point, data.train(batchSize * 4, 0)), cls, lm);
        }
        if (data.testSize() > 0) {
            put(m, "test", evaluate(point, data.test(batchSize * 4)), cls, lm);
        }
        return m;
    }

    private Evaluation evaluate(Vec point, Iterator<Batch> batches) {
        Evaluation e = Evaluation.EMPTY;
        while (batches.hasNext()) {
            e = e.plus(model.evaluate(point, batches.next()));
        }
        return e;
    }

    private static void put(Map<String, Double> m, String split, Evaluation e, boolean cls, boolean lm) {
        m.put(split + "_loss", e.meanLoss());
        if (cls) {
            m.put(split + "_accuracy", e.accuracy());
        }
        if (lm) {
            m.put(split + "_perplexity", Math.exp(e.meanLoss()));
        }
    }

    @Override public void close() {
        try {
            model.close();
        } catch (Exception e) {
            // closing is best effort; the run's outcome is already decided
        }
        data.close();
    }
}
