package io.adalab.core.train;

import io.adalab.api.Batch;
import io.adalab.api.DType;
import io.adalab.api.ParameterGroup;
import io.adalab.api.Vec;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** What the trainer trains: a model on a dataset, or an analytic objective. */
interface TrainingSource extends AutoCloseable {

    DType dtype();

    List<ParameterGroup> groups();

    void initialParameters(Vec out);

    /** Optimizer steps in one epoch. */
    long stepsPerEpoch();

    /** Batches of epoch {@code epoch}; for objectives, {@code null} batches. */
    Iterator<Batch> epoch(int epoch);

    double lossAndGradient(Vec params, Batch batch, Vec gradOut);

    /** Tokens a language model predicts in {@code batch} (for tokens/s); 0 for other tasks. */
    default long tokens(Batch batch) {
        return 0;
    }

    /** End-of-epoch metrics at {@code point} ({@code train_loss}, {@code test_accuracy}, ...). */
    Map<String, Double> evaluate(Vec point);

    @Override
    void close();
}
