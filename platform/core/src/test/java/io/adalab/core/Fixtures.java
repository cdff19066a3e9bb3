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
        r.register(ExtensionKind.OPTIMIZER, new NoisyMomentum());
        r.register(ExtensionKind.SCHEDULE, new HalveOnPlateau());
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

    /**
     * Momentum with state in a slot and a scalar (its step count), plus gradient noise from the
     * step's random generator: everything a resumed run must restore.
     */
    public static final class NoisyMomentum implements Optimizer {
        @Override public String id() {
            return "noisy_momentum";
        }

        @Override public String displayName() {
            return "Noisy momentum";
        }

        @Override public HyperparameterSchema schema() {
            return HyperparameterSchema.builder().real("lr", 0.05).positive().real("noise", 0.01).min(0).build();
        }

        @Override public UpdateRule create(Hyperparameters h) {
            double noise = h.real("noise");
            return new UpdateRule() {
                @Override public int slots() {
                    return 1;
                }

                @Override public int scalars() {
                    return 1;
                }

                @Override public void step(io.adalab.api.Buffers b, io.adalab.api.StepContext ctx) {
                    Vec p = b.params();
                    Vec g = b.grad();
                    Vec m = b.slot(0);
                    b.scalars()[0] += 1;
                    for (int i = 0; i < p.length(); i++) {
                        double gi = g.get(i) + noise * ctx.random().nextGaussian();
                        m.set(i, 0.9 * m.get(i) + gi);
                        p.set(i, p.get(i) - ctx.learningRate() * m.get(i));
                    }
                }
            };
        }
    }

    /** Halves the rate when the loss has not improved for {@code patience} steps: state kept in fields. */
    public static final class HalveOnPlateau implements io.adalab.api.LearningRateSchedule {
        @Override public String id() {
            return "halve_on_plateau";
        }

        @Override public String displayName() {
            return "Halve on plateau";
        }

        @Override public HyperparameterSchema schema() {
            return HyperparameterSchema.builder().integer("patience", 3).min(1).build();
        }

        @Override public io.adalab.api.ScheduleRule create(Hyperparameters h, io.adalab.api.ScheduleSetup setup) {
            long patience = h.integer("patience");
            return new io.adalab.api.ScheduleRule() {
                private double lr = setup.baseLearningRate();
                private double best = Double.POSITIVE_INFINITY;
                private long since;

                @Override public double learningRate(long t) {
                    return lr;
                }

                @Override public void observe(long t, double loss) {
                    if (loss < best * 0.999) {
                        best = loss;
                        since = 0;
                    } else if (++since >= patience) {
                        lr /= 2;
                        since = 0;
                    }
                }
            };
        }
    }
}
