package io.adalab.server.metrics;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Objective;
import io.adalab.api.ObjectiveFunction;
import io.adalab.api.Optimizer;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;
import io.adalab.core.plugin.ExtensionKind;
import io.adalab.core.plugin.PluginRegistry;
import java.util.concurrent.Semaphore;

/**
 * A quadratic whose every evaluation waits for a permit, so a test can hold a run at a known step
 * while Prometheus scrapes it; and plain SGD to train it.
 */
final class GatedProblem implements Objective {
    final Semaphore permits = new Semaphore(0);

    /** A registry with this problem ({@code gated_bowl}) and {@code test_sgd}. */
    PluginRegistry registry() {
        PluginRegistry r = new PluginRegistry();
        r.register(ExtensionKind.PROBLEM, this);
        r.register(ExtensionKind.OPTIMIZER, new Sgd());
        return r;
    }

    @Override public String id() {
        return "gated_bowl";
    }

    @Override public String displayName() {
        return "Gated bowl";
    }

    @Override public HyperparameterSchema schema() {
        return HyperparameterSchema.builder().integer("n", 4).min(1).help("dimension").build();
    }

    @Override public ObjectiveFunction create(Hyperparameters h, long seed) {
        int n = h.integerAsInt("n");
        return new ObjectiveFunction() {
            @Override public int dimension() {
                return n;
            }

            @Override public void initialPoint(Vec out) {
                for (int i = 0; i < n; i++) {
                    out.set(i, 1.0 + 0.1 * i);
                }
            }

            @Override public double lossAndGradient(Vec x, Vec g) {
                permits.acquireUninterruptibly();
                double f = 0;
                for (int i = 0; i < n; i++) {
                    double c = i + 1;
                    f += 0.5 * c * x.get(i) * x.get(i);
                    g.set(i, c * x.get(i));
                }
                return f;
            }
        };
    }

    /** θ ← θ − lr·g. */
    static final class Sgd implements Optimizer {
        @Override public String id() {
            return "test_sgd";
        }

        @Override public String displayName() {
            return "Test SGD";
        }

        @Override public HyperparameterSchema schema() {
            return HyperparameterSchema.builder().real("lr", 0.1).positive().build();
        }

        @Override public UpdateRule create(Hyperparameters h) {
            return UpdateRule.of(0, (b, ctx) -> {
                Vec p = b.params();
                Vec g = b.grad();
                for (int i = 0; i < p.length(); i++) {
                    p.set(i, p.get(i) - ctx.learningRate() * g.get(i));
                }
            });
        }
    }
}
