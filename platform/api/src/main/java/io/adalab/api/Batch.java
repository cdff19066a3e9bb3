package io.adalab.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A minibatch: features {@code [batch, ...DataShape.features]} and labels {@code [batch, outputs]}
 * (one-hot for classification), with optional masks for sequences ({@code null} if none). For a
 * {@link Task#LANGUAGE_MODEL} the features are token ids {@code [batch, T]} and the labels the
 * one-hot next tokens {@code [batch, vocabulary, T]}, with masks {@code [batch, T]} marking real
 * (not padded) positions.
 */
public record Batch(INDArray features, INDArray labels, INDArray featuresMask, INDArray labelsMask) {

    /** A batch without masks. */
    public Batch(INDArray features, INDArray labels) {
        this(features, labels, null, null);
    }

    /** Number of examples. */
    public int size() {
        return (int) features.size(0);
    }
}
