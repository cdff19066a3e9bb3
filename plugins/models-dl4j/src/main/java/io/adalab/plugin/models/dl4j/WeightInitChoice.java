package io.adalab.plugin.models.dl4j;

import java.util.Locale;
import org.deeplearning4j.nn.weights.WeightInit;

/**
 * Weight initialisations offered to users, mapped to DL4J's (biases always start at 0).
 * {@code fan_in}/{@code fan_out} are a layer's input and output sizes.
 */
enum WeightInitChoice {
    /** Glorot and Bengio (2010): {@code N(0, 2 / (fan_in + fan_out))}; DL4J {@code XAVIER}. */
    XAVIER(WeightInit.XAVIER),
    /** He et al. (2015): {@code N(0, 2 / fan_in)}; DL4J {@code RELU}. */
    HE(WeightInit.RELU),
    /** LeCun et al. (1998): {@code N(0, 1 / fan_in)}; DL4J {@code LECUN_NORMAL}. */
    LECUN(WeightInit.LECUN_NORMAL),
    /** All zeros: fine for logistic regression (convex), useless for hidden layers (symmetry). */
    ZEROS(WeightInit.ZERO);

    private final WeightInit dl4j;

    WeightInitChoice(WeightInit dl4j) {
        this.dl4j = dl4j;
    }

    /** DL4J's initialisation. */
    WeightInit dl4j() {
        return dl4j;
    }

    /** The choice string. */
    String choice() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value of a choice string. */
    static WeightInitChoice of(String choice) {
        return valueOf(choice.toUpperCase(Locale.ROOT));
    }
}
