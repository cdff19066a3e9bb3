package io.adalab.api;

import java.util.List;

/**
 * Everything an {@link UpdateRule} reads and writes in one step: the flat parameter vector, the
 * gradient, the rule's per-parameter state vectors ("slots") and scalar state, and the parameter
 * groups (layers). All vectors have the same precision; parameters and gradient have the same
 * length, and so do the slots unless the rule declares shorter ones
 * ({@link UpdateRule#slotLength}). The platform owns and may persist them; a rule must not keep
 * references across runs.
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
     * @throws IllegalArgumentException if precisions differ, the gradient's length differs from the
     *                                  parameters', or groups do not tile the vector
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
            int len = rule.slotLength(k, groups);
            if (len < 0) {
                throw new IllegalArgumentException("slot " + k + " of length " + len);
            }
            s[k] = Vec.zeros(params.dtype(), len);
        }
        return new Buffers(params, grad, s, new double[rule.scalars()], groups);
    }

    private void check() {
        int n = params.length();
        if (grad.length() != n || grad.dtype() != params.dtype()) {
            throw new IllegalArgumentException("gradient does not match parameters");
        }
        for (Vec s : slots) {
            if (s.dtype() != params.dtype()) {
                throw new IllegalArgumentException("state slot does not have the parameters' precision");
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

    /** Bytes of optimizer state: every slot's elements at the parameters' precision, and the scalars. */
    public long stateBytes() {
        long elements = 0;
        for (Vec s : slots) {
            elements += s.length();
        }
        return elements * params.dtype().bytes() + 8L * scalars.length;
    }
}
