package io.adalab.server.cli.bench;

import io.adalab.api.Hyperparameters;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * DL4J's native updater for the same method, stepped as DL4J's own training does:
 * {@code updater.applyUpdater(gradient, iteration, epoch)} turns the gradient into the update in
 * place, then {@code params.subi(gradient)}. The gradient is restored from a copy before every step,
 * outside the timed region (a real gradient is fresh each step; feeding the update back would decay
 * toward denormals for AdaGrad).
 */
final class Dl4jStep {
    private Dl4jStep() {
    }

    /** DL4J's configuration for our optimizer {@code id} with our resolved hyperparameters, if DL4J has the method. */
    static Optional<IUpdater> config(String id, Hyperparameters h) {
        return switch (id) {
            case "adam" -> Optional.of(new Adam(real(h, "lr", 1e-3), real(h, "beta1", 0.9), real(h, "beta2", 0.999),
                real(h, "eps", 1e-8)));
            case "adagrad" -> Optional.of(new AdaGrad(real(h, "lr", 1e-2), real(h, "eps", 1e-10)));
            case "rmsprop" -> Optional.of(new RmsProp(real(h, "lr", 1e-2), real(h, "alpha", 0.99), real(h, "eps", 1e-8)));
            case "adamax" -> Optional.of(new AdaMax(real(h, "lr", 2e-3), real(h, "beta1", 0.9), real(h, "beta2", 0.999),
                real(h, "eps", 1e-8)));
            case "nadam" -> Optional.of(new Nadam(real(h, "lr", 2e-3), real(h, "beta1", 0.9), real(h, "beta2", 0.999),
                real(h, "eps", 1e-8)));
            case "sgd" -> real(h, "momentum", 0) == 0 ? Optional.of(new Sgd(real(h, "lr", 1e-3))) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static double real(Hyperparameters h, String name, double fallback) {
        return h.has(name) ? h.real(name) : fallback;
    }

    /** Times {@code repetitions} steps of DL4J's updater on {@code n} float32 parameters after {@code warmup} steps. */
    static Timing measure(IUpdater config, int n, int repetitions, int warmup, long seed) {
        INDArray params = Nd4j.createFromArray(Inputs.values(n, seed, 1.0f));
        INDArray source = Nd4j.createFromArray(Inputs.values(n, seed + 1, 0.1f));
        INDArray gradient = source.dup();
        long stateSize = config.stateSize(n);
        INDArray state = stateSize > 0 ? Nd4j.zeros(DataType.FLOAT, stateSize) : null;
        try {
            @SuppressWarnings("unchecked")
            GradientUpdater<IUpdater> updater = config.instantiate(state, true);
            int[] iteration = {0};
            Timing.warmUp(() -> {
                gradient.assign(source);
                step(updater, params, gradient, iteration[0]++);
            }, warmup);
            long[] t = new long[repetitions];
            for (int r = 0; r < repetitions; r++) {
                gradient.assign(source);
                long t0 = System.nanoTime();
                step(updater, params, gradient, iteration[0]++);
                t[r] = System.nanoTime() - t0;
            }
            return Timing.of(t);
        } finally {
            close(params);
            close(source);
            close(gradient);
            close(state);
        }
    }

    private static void step(GradientUpdater<IUpdater> updater, INDArray params, INDArray gradient, int iteration) {
        updater.applyUpdater(gradient, iteration, 0);
        params.subi(gradient);
    }

    private static void close(INDArray a) {
        if (a != null && a.closeable()) {
            a.close();
        }
    }
}
