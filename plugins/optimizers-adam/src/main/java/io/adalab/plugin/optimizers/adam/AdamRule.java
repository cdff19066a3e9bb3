package io.adalab.plugin.optimizers.adam;

import io.adalab.api.Buffers;
import io.adalab.api.StepContext;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;

/**
 * The update of {@link Adam} and {@link AdamW} (torch 1.13 single-tensor path). Slots: 0 = m,
 * 1 = v, 2 = running max of the raw v (AMSGrad only).
 */
record AdamRule(double beta1, double beta2, double eps, double weightDecay, boolean amsgrad, boolean decoupled,
                double sign) implements UpdateRule {

    @Override public int slots() {
        return amsgrad ? 3 : 2;
    }

    @Override public void step(Buffers b, StepContext ctx) {
        Vec p = b.params();
        Vec g = b.grad();
        Vec m = b.slot(0);
        Vec v = b.slot(1);
        Vec vmax = amsgrad ? b.slot(2) : null;
        double lr = ctx.learningRate();
        double b1 = ctx.scheduled("beta1", beta1);
        long t = ctx.step();
        double stepSize = lr / (1 - Math.pow(b1, t));
        double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
        double shrink = decoupled ? 1 - lr * weightDecay : 1;
        double l2 = decoupled ? 0 : weightDecay;
        if (p instanceof Vec.F32 p32) {
            float[] vm = vmax == null ? null : ((Vec.F32) vmax).array();
            adamF32(p32.array(), ((Vec.F32) g).array(), ((Vec.F32) m).array(), ((Vec.F32) v).array(), vm,
                (float) b1, (float) (1 - b1), (float) beta2, (float) (1 - beta2), (float) stepSize,
                (float) (1 / bc2Sqrt), (float) eps, (float) shrink, (float) l2, (float) sign);
            return;
        }
        for (int i = 0, n = p.length(); i < n; i++) {
            double pi = p.get(i) * shrink;
            double d = sign * g.get(i) + l2 * pi;
            double mi = b1 * m.get(i) + (1 - b1) * d;
            double vi = beta2 * v.get(i) + (1 - beta2) * d * d;
            m.set(i, mi);
            v.set(i, vi);
            if (vmax != null) {
                vi = Math.max(vmax.get(i), vi);
                vmax.set(i, vi);
            }
            p.set(i, pi - stepSize * mi / (Math.sqrt(vi) / bc2Sqrt + eps));
        }
    }

    /**
     * The same update in float maths over the raw arrays. The double loop above widens every element
     * through Vec.get/set and is compute-bound on float32 (~10x slower than memory bandwidth at 1e7
     * parameters); these are plain counted loops without calls or data-dependent branches, which C2
     * vectorises. Per-step scalars, including 1 - b1 and 1 - b2, are computed in double and rounded
     * once. AMSGrad gets its own loop: a null check on vmax inside one loop stops C2 vectorising it.
     */
    private static void adamF32(float[] p, float[] g, float[] m, float[] v, float[] vmax, float b1, float c1,
                                float b2, float c2, float stepSize, float invBc2Sqrt, float eps, float shrink,
                                float l2, float sign) {
        if (vmax == null) {
            for (int i = 0; i < p.length; i++) {
                float pi = p[i] * shrink;
                float d = sign * g[i] + l2 * pi;
                float mi = b1 * m[i] + c1 * d;
                float vi = b2 * v[i] + c2 * d * d;
                m[i] = mi;
                v[i] = vi;
                p[i] = pi - stepSize * mi / ((float) Math.sqrt(vi) * invBc2Sqrt + eps);
            }
        } else {
            for (int i = 0; i < p.length; i++) {
                float pi = p[i] * shrink;
                float d = sign * g[i] + l2 * pi;
                float mi = b1 * m[i] + c1 * d;
                float vi = b2 * v[i] + c2 * d * d;
                m[i] = mi;
                v[i] = vi;
                float vm = Math.max(vmax[i], vi);
                vmax[i] = vm;
                p[i] = pi - stepSize * mi / ((float) Math.sqrt(vm) * invBc2Sqrt + eps);
            }
        }
    }
}
