package io.adalab.server.http;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Objective;
import io.adalab.api.ObjectiveFunction;
import io.adalab.api.Vec;
import java.util.concurrent.locks.LockSupport;

/**
 * A test problem: the bowl {@code x^2 + 10 y^2} from (3, 2), pausing {@code pause_us} microseconds
 * per evaluation so a run takes long enough to be watched live.
 */
public final class SlowBowl implements Objective {
    @Override public String id() {
        return "slow_bowl";
    }

    @Override public String displayName() {
        return "Slow bowl";
    }

    @Override public HyperparameterSchema schema() {
        return HyperparameterSchema.builder()
            .integer("pause_us", 0).range(0, 1_000_000).help("pause per evaluation, microseconds")
            .build();
    }

    @Override public ObjectiveFunction create(Hyperparameters h, long seed) {
        long pause = h.integer("pause_us") * 1000;
        return new ObjectiveFunction() {
            @Override public int dimension() {
                return 2;
            }

            @Override public void initialPoint(Vec out) {
                out.set(0, 3);
                out.set(1, 2);
            }

            @Override public double lossAndGradient(Vec x, Vec g) {
                // only training pauses: the dashboard's contour grid evaluates this function thousands of times
                if (pause > 0 && Thread.currentThread().getName().startsWith("adalab-run")) {
                    LockSupport.parkNanos(pause);
                }
                double a = x.get(0);
                double b = x.get(1);
                g.set(0, 2 * a);
                g.set(1, 20 * b);
                return a * a + 10 * b * b;
            }
        };
    }
}
