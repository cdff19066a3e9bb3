package io.adalab.api;

import java.util.List;

/**
 * Everything an {@link UpdateRule} reads and writes in one step: the flat parameter vector, the
 * gradient, the rule's per-parameter state vectors ("slots") and scalar state, and the parameter
 * groups (layers). All vectors have the same length and precision. The platform owns and may
 * persist them; a rule must not keep references across runs.
 */
public final class Buffers {
    private final Vec params;
    private final Vec grad;
    private final Vec[] slots;
    private final double[] scalars;
    private final List<ParameterGroup> groups;

    /**
     * Assembles buffers (the platform does this; tests and the compatibility kit may too).
     *
     * @throws IllegalArgumentException if lengths or precisions differ, or groups do not tile the vector
     */
    public Buffers(Vec params, Vec grad, Vec[] slots, double[] scalars, List<ParameterGroup> groups) {
        this.params = params;
        this.grad = grad;
        this.slots = slots.clone();
        this.scalars = scalars;
        this.groups = List.copyOf(groups);
        check();
    }

    /** Fresh zero state for {@code rule} around existing parameters and gradient. */
    public static Buffers allocate(UpdateRule rule, Vec params, Vec grad, List<ParameterGroup> groups) {
        Vec[] s = new Vec[rule.slots()];
        for (int k = 0; k < s.length; k++) {
            s[k] = Vec.zeros(params.dtype(), params.length());
        }
        return new Buffers(params, grad, s, new double[rule.scalars()], groups);
    }

    private void check() {
        int n = params.length();
        if (grad.length() != n || grad.dtype() != params.dtype()) {
            throw new IllegalArgumentException("gradient does not match parameters");
        }
        for (Vec s : slots) {
            if (s.length() != n || s.dtype() != params.dtype()) {
                throw new IllegalArgumentException("state slot does not match parameters");
            }
        }
        int next = 0;
        for (ParameterGroup g : groups) {
            if (g.offset() != next) {
                throw new IllegalArgumentException("groups must tile the vector in order; " + g + " starts at " + next + "?");
            }
            next = g.end();
        }
        if (next != n) {
            throw new IllegalArgumentException("groups cover " + next + " of " + n + " parameters");
        }
    }

    /** The parameters, updated in place by the rule. */
    public Vec params() {
        return params;
    }

    /** The gradient of the mean loss at {@link #params()}; the rule may overwrite it (scratch). */
    public Vec grad() {
        return grad;
    }

    /** State vector {@code k} ({@code 0 <= k < slots()}). */
    public Vec slot(int k) {
        return slots[k];
    }

    /** Number of state vectors. */
    public int slotCount() {
        return slots.length;
    }

    /** Scalar state, length {@link UpdateRule#scalars()}; modify in place. */
    public double[] scalars() {
        return scalars;
    }

    /** The layers, in order, tiling {@code [0, length())}. */
    public List<ParameterGroup> groups() {
        return groups;
    }

    /** Number of parameters. */
    public int length() {
        return params.length();
    }
}
