package io.adalab.api;

import org.pf4j.ExtensionPoint;

/** Builds models ({@code logreg}, {@code mlp}, CNNs, ...) for a dataset's shape. */
public interface ModelFactory extends ExtensionPoint, Component {

    /**
     * Builds a model whose initial parameters are a deterministic function of {@code seed}.
     *
     * @param shape           the dataset's example shape and task
     * @param hyperparameters validated against {@link #schema()}
     * @param dtype           requested precision
     * @param seed            initialisation seed
     * @throws HyperparameterException if the model cannot serve this shape or task
     */
    TrainableModel create(DataShape shape, Hyperparameters hyperparameters, DType dtype, long seed);
}
