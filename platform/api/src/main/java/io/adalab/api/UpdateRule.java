package io.adalab.api;

import java.util.List;

/**
 * The per-run side of an {@link Optimizer}: how many state buffers it needs and how one step
 * changes the parameters. State is kept only in the {@link Buffers} the platform passes (slots and
 * scalars), never in fields, so the platform can checkpoint, restore and inspect it.
 */
public interface UpdateRule {

    /** Number of per-parameter state vectors (Adam: 2, m and v). They start at zero. */
    int slots();

    /**
     * Length of state vector {@code k}: the number of parameters (the default), or less for a rule
     * that keeps compressed statistics, such as Adafactor's row and column factors (rows + columns
     * per matrix instead of rows x columns). Asked once per run, before {@link #initialize}; the
     * platform reports the state's size, so a rule that needs less should say so here.
     *
     * @param k      slot index, {@code 0 <= k < slots()}
     * @param groups the parameter groups (layers) with their shapes
     */
    default int slotLength(int k, List<ParameterGroup> groups) {
        return groups.isEmpty() ? 0 : groups.get(groups.size() - 1).end();
    }

    /** Number of scalar state values (e.g. D-Adaptation's d). They start at zero. */
    default int scalars() {
        return 0;
    }

    /**
     * Called once before the first step, after the parameters have their initial values; set
     * non-zero initial state here (AdaGrad's initial accumulator, a copy of the initial point).
     */
    default void initialize(Buffers buffers) {
    }

    /**
     * Performs one step: reads {@link Buffers#grad()} (the gradient of the mean loss at the current
     * parameters), updates {@link Buffers#params()} in place, and updates its state.
     *
     * @param buffers parameters, gradient and state of the whole model; groups give the layers
     * @param context step number, scheduled learning rate, loss, RNG
     */
    void step(Buffers buffers, StepContext context);

    /**
     * Writes the point at which the model should be evaluated into {@code out}. Most methods
     * evaluate at the training iterate ({@link Buffers#params()}, the default); averaging methods
     * such as Schedule-Free evaluate at their average {@code x} while gradients are taken at
     * {@code y}. Must not change the buffers.
     */
    default void evaluationPoint(Buffers buffers, Vec out) {
        out.copyFrom(buffers.params());
    }

    /** A rule from a lambda: {@code UpdateRule.of(2, (b, ctx) -> ...)}. */
    static UpdateRule of(int slots, Step step) {
        return new UpdateRule() {
            @Override public int slots() {
                return slots;
            }

            @Override public void step(Buffers buffers, StepContext context) {
                step.apply(buffers, context);
            }
        };
    }

    /** The body of a step, for {@link #of(int, Step)}. */
    @FunctionalInterface
    interface Step {
        /** See {@link UpdateRule#step(Buffers, StepContext)}. */
        void apply(Buffers buffers, StepContext context);
    }
}
