package io.adalab.plugin.optimizers.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.adalab.api.Buffers;
import io.adalab.api.ParameterGroup;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;
import io.adalab.testkit.SimpleStepContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The first steps of Adafactor with the paper's defaults, worked by hand from Shazeer and Stern
 * (2018), Algorithms 4 and 5: beta2_1 = 1 - 1^-0.8 = 0, rho_1 = min(1e-2, 1) = 1e-2,
 * alpha_t = max(eps2, RMS(X)) * rho_t, update clipping with d = 1.
 */
class AdafactorTest {
    private static final double[] X0 = {0.5, -1, 2, 0.25, 1, -2}; // w = [[0.5, -1], [2, 0.25]], b = [1, -2]
    private static final List<ParameterGroup> GROUPS =
        List.of(new ParameterGroup("w", 0, 4, new long[] {2, 2}), ParameterGroup.of("b", 4, 2));

    private final UpdateRule rule = new Adafactor().create(new Adafactor().schema().resolve(Map.of()));
    private final double[] x = X0.clone();
    private final double[] g = new double[6];
    private final Buffers buffers = Buffers.allocate(rule, Vec.of(x), Vec.of(g), GROUPS);
    private final SimpleStepContext ctx = new SimpleStepContext(0.01, 1);

    private void step(double... gradient) {
        System.arraycopy(gradient, 0, g, 0, 6);
        rule.step(buffers, ctx.next());
    }

    @Test
    void theFirstStepOfAMatrixDividesByTheFactoredSecondMoment() {
        step(1, 2, 3, 4, 0.5, -1);
        // G^2 = [[1, 4], [9, 16]]: row means R = [2.5, 12.5], column means C = [5, 10], mean(R) = 7.5,
        // V = R C / 7.5 = [[5/3, 10/3], [25/3, 50/3]], so U^2 = G^2 / V = [0.6, 1.2, 1.08, 0.96]; RMS(U) < 1: no clipping.
        double alpha = 0.01 * Math.sqrt((0.25 + 1 + 4 + 0.0625) / 4);
        double[] uSquared = {0.6, 1.2, 1.08, 0.96};
        for (int i = 0; i < 4; i++) {
            double u = (X0[i] - x[i]) / alpha;
            assertThat(u * u).as("U^2 at %d", i).isCloseTo(uSquared[i], within(1e-12));
            assertThat(u).as("moves against the positive gradient").isPositive();
        }
    }

    @Test
    void theFirstStepOfAVectorIsTheSignTimesTheRelativeStep() {
        step(1, 2, 3, 4, 0.5, -1);
        // v = G^2 + eps1, so U = sign(G) = [1, -1], RMS(U) = 1: no clipping; alpha = 0.01 * RMS([1, -2]).
        double alpha = 0.01 * Math.sqrt(2.5);
        assertThat(x[4]).isCloseTo(1 - alpha, within(1e-15));
        assertThat(x[5]).isCloseTo(-2 + alpha, within(1e-15));
    }

    @Test
    void theSecondStepDecaysTheSecondMomentAndClipsTheUpdate() {
        step(1, 2, 3, 4, 0.5, -1);
        double[] x1 = x.clone();
        step(0, 0, 0, 0, 1, 1);
        double beta2 = 1 - Math.pow(2, -0.8); // 0.42565
        double v0 = beta2 * 0.25 + (1 - beta2);
        double v1 = beta2 * 1 + (1 - beta2);
        double u0 = 1 / Math.sqrt(v0);
        double u1 = 1 / Math.sqrt(v1);
        double rmsU = Math.sqrt((u0 * u0 + u1 * u1) / 2); // > 1: the update is divided by it
        assertThat(rmsU).isGreaterThan(1);
        double alpha = Math.sqrt((x1[4] * x1[4] + x1[5] * x1[5]) / 2) * Math.min(1e-2, 1 / Math.sqrt(2));
        assertThat(x[4]).isCloseTo(x1[4] - alpha * u0 / rmsU, within(1e-15));
        assertThat(x[5]).isCloseTo(x1[5] - alpha * u1 / rmsU, within(1e-15));
        // a zero gradient row of the matrix leaves it in place
        assertThat(java.util.Arrays.copyOf(x, 4)).containsExactly(java.util.Arrays.copyOf(x1, 4));
    }

    @Test
    void theStateIsSublinearInAMatrixsSize() {
        // a 64 x 32 weight matrix keeps 64 row and 32 column statistics; the bias keeps its own v
        List<ParameterGroup> groups = List.of(new ParameterGroup("w", 0, 2048, new long[] {64, 32}),
            ParameterGroup.of("b", 2048, 32));
        Buffers b = Buffers.allocate(rule, Vec.zeros(io.adalab.api.DType.FLOAT32, 2080),
            Vec.zeros(io.adalab.api.DType.FLOAT32, 2080), groups);
        assertThat(b.slotCount()).isEqualTo(1);
        assertThat(b.slot(0).length()).isEqualTo(64 + 32 + 32);
        assertThat(b.stateBytes()).isEqualTo(4L * 128);
        UpdateRule withMomentum = new Adafactor().create(new Adafactor().schema().resolve(Map.of("beta1", 0.9)));
        assertThat(Buffers.allocate(withMomentum, Vec.zeros(io.adalab.api.DType.FLOAT32, 2080),
            Vec.zeros(io.adalab.api.DType.FLOAT32, 2080), groups).stateBytes()).as("plus a full first moment").isEqualTo(4L * (128 + 2080));
    }
}
