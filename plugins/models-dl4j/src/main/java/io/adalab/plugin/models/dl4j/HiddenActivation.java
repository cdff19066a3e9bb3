package io.adalab.plugin.models.dl4j;

import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.activations.Activation;

/**
 * The activations an MLP's hidden layers may use, with the weight initialisation that suits each
 * ({@code weight_init: auto}): He for the rectifier family, whose variance-preserving analysis
 * assumes a unit that passes half the signal (He et al. 2015), Xavier for the symmetric saturating
 * ones (Glorot and Bengio 2010).
 */
enum HiddenActivation {
    RELU(Activation.RELU, WeightInitChoice.HE),
    TANH(Activation.TANH, WeightInitChoice.XAVIER),
    SIGMOID(Activation.SIGMOID, WeightInitChoice.XAVIER),
    ELU(Activation.ELU, WeightInitChoice.HE),
    GELU(Activation.GELU, WeightInitChoice.HE),
    /** DL4J's leaky ReLU, slope 0.01 for negative inputs. */
    LEAKYRELU(Activation.LEAKYRELU, WeightInitChoice.HE),
    /** {@code x * sigmoid(x)} (SiLU). */
    SWISH(Activation.SWISH, WeightInitChoice.HE);

    private final Activation dl4j;
    private final WeightInitChoice init;

    HiddenActivation(Activation dl4j, WeightInitChoice init) {
        this.dl4j = dl4j;
        this.init = init;
    }

    /** The DL4J activation. */
    Activation dl4j() {
        return dl4j;
    }

    /** The initialisation {@code weight_init: auto} picks. */
    WeightInitChoice defaultInit() {
        return init;
    }

    /** The choice string ({@code "relu"}, ...). */
    String choice() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** All choice strings, in declaration order. */
    static String[] choices() {
        return Arrays.stream(values()).map(HiddenActivation::choice).toArray(String[]::new);
    }

    /** The value of a choice string. */
    static HiddenActivation of(String choice) {
        return valueOf(choice.toUpperCase(Locale.ROOT));
    }
}
