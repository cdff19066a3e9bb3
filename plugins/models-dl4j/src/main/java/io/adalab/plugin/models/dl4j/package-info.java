/**
 * Model factories on Deeplearning4j: multinomial logistic regression ({@code logreg}) and the
 * multilayer perceptron ({@code mlp}), built as {@link org.deeplearning4j.nn.multilayer.MultiLayerNetwork}s
 * and handed to the trainer through {@link io.adalab.api.dl4j.Dl4jModel}. Networks carry no
 * regularisation (weight decay belongs to the optimizer) and a no-op DL4J updater (the platform's
 * optimizer updates the parameters; {@code fit} is never called).
 */
package io.adalab.plugin.models.dl4j;
