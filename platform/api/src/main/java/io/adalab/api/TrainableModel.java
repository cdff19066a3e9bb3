package io.adalab.api;

import java.util.List;

/**
 * A model as the trainer sees it: a flat parameter vector split into groups, a loss with its
 * gradient on a batch, and an evaluation. The platform owns the parameter vector and passes it to
 * every call; the model must not change it. See {@link io.adalab.api.dl4j.Dl4jModel} for
 * Deeplearning4j networks.
 */
public interface TrainableModel extends AutoCloseable {

    /** Precision of the parameters. */
    DType dtype();

    /** The parameter groups (layers), tiling the flat vector in order. */
    List<ParameterGroup> groups();

    /** Number of parameters. */
    default int parameterCount() {
        List<ParameterGroup> g = groups();
        return g.isEmpty() ? 0 : g.get(g.size() - 1).end();
    }

    /** Writes the initial parameters (already seeded at creation) into {@code out}. */
    void initialParameters(Vec out);

    /**
     * Computes the mean loss over {@code batch} at {@code params} and writes the gradient of that
     * mean loss into {@code gradOut}. No regularisation: weight decay belongs to the optimizer.
     */
    double lossAndGradient(Vec params, Batch batch, Vec gradOut);

    /** Loss sum and correct count over {@code batch} at {@code params}, without a gradient. */
    Evaluation evaluate(Vec params, Batch batch);

    @Override
    default void close() {
    }
}
