package io.adalab.core;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Objective;
import io.adalab.api.ObjectiveFunction;
import io.adalab.api.Optimizer;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;
import io.adalab.core.plugin.ExtensionKind;
import io.adalab.core.plugin.PluginRegistry;
import java.util.Optional;

/** Small in-code extensions for core tests: a quadratic, a NaN problem, plain SGD and a throwing optimizer. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A registry with every fixture registered. */
    public static PluginRegistry registry() {
        PluginRegistry r = new PluginRegistry();
        r.register(ExtensionKind.PROBLEM, new Bowl());
        r.register(ExtensionKind.PROBLEM, new NanAfter());
        r.register(ExtensionKind.OPTIMIZER, new PlainSgd());
        r.register(ExtensionKind.OPTIMIZER, new Thrower());
        return r;
    }

    /** f(x) = 0.5 sum_i c_i x_i^2 with c_i = i + 1, x0 = 1; minimum 0. */
    public static final class Bowl implements Objective {
        @Override public String id() {
            return "bowl";
        }

        @Override public String displayName() {
            return "Bowl";
        }

        @Override public HyperparameterSchema schema() {
            return HyperparameterSchema.builder().integer("n", 5).min(1).help("dimension").build();
        }

        @Override public ObjectiveFunction create(Hyperparameters h, long seed) {
            int n = h.integerAsInt("n");
            return new ObjectiveFunction() {
                @Override public int dimension() {
                    return n;
                }

                @Override public void initialPoint(Vec out) {
                    for (int i = 0; i < n; i++) {
                        out.set(i, 1.0 + 0.01 * (seed % 7) * i);
                    }
                }

                @Override public double lossAndGradient(Vec x, Vec g) {
                    double f = 0;
                    for (int i = 0; i < n; i++) {
                        double c = i + 1;
                        f += 0.5 * c * x.get(i) * x.get(i);
                        g.set(i, c * x.get(i));
                    }
                    return f;
                }

                @Override public Optional<Double> minimumValue() {
                    return Optional.of(0.0);
                }
            };
        }
    }

    /** Returns NaN from step {@code after} on. */
    public static final class NanAfter implements Objective {
        @Override public String id() {
            return "nan_after";
        }

        @Override public String displayName() {
            return "NaN after k evaluations";
        }

        @Override public HyperparameterSchema schema() {
            return HyperparameterSchema.builder().integer("after", 3).min(0).build();
        }

        @Override public ObjectiveFunction create(Hyperparameters h, long seed) {
            long after = h.integer("after");
            return new ObjectiveFunction() {
                private long calls;

                @Override public int dimension() {
                    return 2;
                }

                @Override public void initialPoint(Vec out) {
                    out.fill(1);
                }

                @Override public double lossAndGradient(Vec x, Vec g) {
                    g.fill(1);
                    return ++calls > after ? Double.NaN : 1.0;
                }
            };
        }
    }

    /** p -= lr g. */
    public static final class PlainSgd implements Optimizer {
        @Override public String id() {
            return "plain_sgd";
        }

        @Override public String displayName() {
            return "Plain SGD";
        }

        @Override public HyperparameterSchema schema() {
            return HyperparameterSchema.builder().real("lr", 0.1).positive().logScale().build();
        }

        @Override public UpdateRule create(Hyperparameters h) {
            return UpdateRule.of(0, (b, ctx) -> {
                Vec p = b.params();
                Vec g = b.grad();
                double lr = ctx.learningRate();
                for (int i = 0; i < p.length(); i++) {
                    p.set(i, p.get(i) - lr * g.get(i));
                }
            });
        }
    }

    /** Throws at step {@code at}. */
    public static final class Thrower implements Optimizer {
        @Override public String id() {
            return "thrower";
        }

        @Override public String displayName() {
            return "Throws";
        }

        @Override public HyperparameterSchema schema() {
            return HyperparameterSchema.builder().real("lr", 0.1).positive().integer("at", 2).min(1).build();
        }

        @Override public UpdateRule create(Hyperparameters h) {
            long at = h.integer("at");
            return UpdateRule.of(0, (b, ctx) -> {
                if (ctx.step() >= at) {
                    throw new IllegalStateException("deliberate failure");
                }
            });
        }
    }
}
