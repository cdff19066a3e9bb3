package io.adalab.api;

/** What a dataset's labels mean, which decides the loss and the reported metrics. */
public enum Task {
    /** One class per example, labels one-hot; accuracy is reported. */
    CLASSIFICATION,
    /** Real-valued targets; mean squared error. */
    REGRESSION,
    /** Next-token prediction over a vocabulary; perplexity is reported. */
    LANGUAGE_MODEL
}
