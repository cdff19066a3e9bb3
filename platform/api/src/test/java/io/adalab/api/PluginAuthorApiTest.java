package io.adalab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Uses the API exactly as a plugin author would: one implementation of every extension point,
 * written against public types only. If this file stops compiling, the API broke its users.
 */
class PluginAuthorApiTest {

    /** The one-screen Adam of the {@link Optimizer} Javadoc. */
    static final class MyAdam implements Optimizer {
        @Override public String id() {
            return "my-adam";
        }

        @Override public String displayName() {
            return "My Adam";
        }

        @Override public Optional<PaperReference> paper() {
            return Optional.of(PaperReference.arxiv("Kingma, Ba", 2015, "Adam", "1412.6980", "ICLR 2015"));
        }

        @Override public HyperparameterSchema schema() {
            return HyperparameterSchema.builder()
                .real("lr", 1e-3).positive().logScale().help("step size")
                .real("beta1", 0.9).range(0, 1).real("beta2", 0.999).range(0, 1)
                .real("eps", 1e-8).positive().logScale().build();
        }

        @Override public UpdateRule create(Hyperparameters h) {
            double b1 = h.real("beta1");
            double b2 = h.real("beta2");
            double eps = h.real("eps");
            return UpdateRule.of(2, (b, ctx) -> {
                Vec p = b.params();
                Vec g = b.grad();
                Vec m = b.slot(0);
                Vec v = b.slot(1);
                double a = ctx.learningRate() / (1 - Math.pow(b1, ctx.step()));
                double c2 = 1 - Math.pow(b2, ctx.step());
                for (int i = 0, n = p.length(); i < n; i++) {
                    double gi = g.get(i);
                    double mi = b1 * m.get(i) + (1 - b1) * gi;
                    double vi = b2 * v.get(i) + (1 - b2) * gi * gi;
                    m.set(i, mi);
                    v.set(i, vi);
                    p.set(i, p.get(i) - a * mi / (Math.sqrt(vi / c2) + eps));
                }
            });
        }
    }

    static final class Halving implements LearningRateSchedule {
        @Override public String id() {
            return "halving";
        }

        @Override public String displayName() {
            return "Halve every k steps";
        }

        @Override public HyperparameterSchema schema() {
            return HyperparameterSchema.builder().integer("every", 10).min(1).build();
        }

        @Override public ScheduleRule create(Hyperparameters h, ScheduleSetup setup) {
            long k = h.integer("every");
            return t -> setup.baseLearningRate() * Math.pow(0.5, t / k);
        }
    }

    static final class Line implements Objective {
        @Override public String id() {
            return "line";
        }

        @Override public String displayName() {
            return "f(x) = 0.5 x^2";
        }

        @Override public HyperparameterSchema schema() {
            return HyperparameterSchema.empty();
        }

        @Override public ObjectiveFunction create(Hyperparameters h, long seed) {
            return new ObjectiveFunction() {
                @Override public int dimension() {
                    return 1;
                }

                @Override public void initialPoint(Vec out) {
                    out.set(0, 3);
                }

                @Override public double lossAndGradient(Vec x, Vec g) {
                    g.set(0, x.get(0));
                    return 0.5 * x.get(0) * x.get(0);
                }
            };
        }
    }

    static final class NoData implements DatasetProvider {
        @Override public String id() {
            return "none";
        }

        @Override public String displayName() {
            return "No data";
        }

        @Override public HyperparameterSchema schema() {
            return HyperparameterSchema.empty();
        }

        @Override public Dataset open(Hyperparameters h, DatasetContext ctx) {
            return new Dataset() {
                @Override public DataShape shape() {
                    return new DataShape(new long[] {1}, 2, Task.CLASSIFICATION, List.of("a", "b"));
                }

                @Override public long trainSize() {
                    return 0;
                }

                @Override public long testSize() {
                    return 0;
                }

                @Override public Iterator<Batch> train(int batchSize, long shuffleSeed) {
                    return List.<Batch>of().iterator();
                }

                @Override public Iterator<Batch> test(int batchSize) {
                    return List.<Batch>of().iterator();
                }
            };
        }
    }

    static final class Constant implements ModelFactory {
        @Override public String id() {
            return "constant";
        }

        @Override public String displayName() {
            return "Constant model";
        }

        @Override public HyperparameterSchema schema() {
            return HyperparameterSchema.empty();
        }

        @Override public TrainableModel create(DataShape shape, Hyperparameters h, DType dtype, long seed) {
            return new TrainableModel() {
                @Override public DType dtype() {
                    return dtype;
                }

                @Override public List<ParameterGroup> groups() {
                    return List.of(ParameterGroup.of("bias", 0, shape.outputs()));
                }

                @Override public void initialParameters(Vec out) {
                    out.fill(0);
                }

                @Override public double lossAndGradient(Vec params, Batch batch, Vec gradOut) {
                    gradOut.fill(0);
                    return 0;
                }

                @Override public Evaluation evaluate(Vec params, Batch batch) {
                    return Evaluation.EMPTY;
                }
            };
        }
    }

    @Test
    void theOneScreenAdamTakesItsFirstStepOfSizeLr() {
        MyAdam adam = new MyAdam();
        UpdateRule rule = adam.create(adam.schema().resolve(Map.of("lr", 0.1)));
        float[] p = {1f, -1f};
        Buffers b = Buffers.allocate(rule, Vec.of(p), Vec.of(new float[] {2f, -3f}), List.of(ParameterGroup.of("w", 0, 2)));
        rule.step(b, new StepContext() {
            @Override public long step() {
                return 1;
            }

            @Override public int epoch() {
                return 0;
            }

            @Override public double learningRate() {
                return 0.1;
            }

            @Override public double scheduled(String name, double configured) {
                return configured;
            }

            @Override public double loss() {
                return 0;
            }

            @Override public java.util.random.RandomGenerator random() {
                return new java.util.SplittableRandom(1);
            }
        });
        // Adam's first step moves every coordinate by lr against the gradient's sign
        assertThat(p[0]).isCloseTo(0.9f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(p[1]).isCloseTo(-0.9f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(b.stateBytes()).as("m and v in float32").isEqualTo(2 * 2 * 4);
    }

    @Test
    void aRuleMayKeepShorterStateThanTheParameters() {
        // one statistic per group, like a factored method would keep per row or column
        UpdateRule perGroup = new UpdateRule() {
            @Override public int slots() {
                return 1;
            }

            @Override public int slotLength(int k, List<ParameterGroup> groups) {
                return groups.size();
            }

            @Override public void step(Buffers b, StepContext ctx) {
                for (int k = 0; k < b.groups().size(); k++) {
                    ParameterGroup g = b.groups().get(k);
                    b.slot(0).set(k, b.grad().norm(g.offset(), g.length()));
                }
            }
        };
        List<ParameterGroup> groups = List.of(ParameterGroup.of("w", 0, 3), ParameterGroup.of("b", 3, 1));
        Buffers b = Buffers.allocate(perGroup, Vec.zeros(DType.FLOAT64, 4), Vec.of(new double[] {3, 0, 4, 2}), groups);
        perGroup.step(b, null);
        assertThat(b.slot(0).toDoubleArray()).containsExactly(5, 2);
        assertThat(b.stateBytes()).isEqualTo(2 * 8);
    }

    @Test
    void everyExtensionPointCanBeImplementedFromPublicTypes() {
        ScheduleRule r = new Halving().create(new Halving().schema().resolve(Map.of()), new ScheduleSetup(1.0, 100, 10, Map.of()));
        assertThat(r.learningRate(25)).isEqualTo(0.25);
        Vec g = Vec.zeros(DType.FLOAT64, 1);
        assertThat(new Line().create(noHyperparameters(), 0).lossAndGradient(Vec.of(new double[] {2}), g)).isEqualTo(2);
        assertThat(new NoData().open(noHyperparameters(), new DatasetContext(0, java.nio.file.Path.of("."), DType.FLOAT32)).shape().outputs()).isEqualTo(2);
        assertThat(new Constant().create(new DataShape(new long[] {3}, 4, Task.CLASSIFICATION, List.of()), noHyperparameters(),
            DType.FLOAT32, 0).parameterCount()).isEqualTo(4);
    }

    @Test
    void schemasValidateAndNameTheField() {
        HyperparameterSchema s = new MyAdam().schema();
        assertThatThrownBy(() -> s.resolve(Map.of("beta1", 1.5)))
            .isInstanceOfSatisfying(HyperparameterException.class, e -> assertThat(e.field()).isEqualTo("beta1"))
            .hasMessage("'beta1' is 1.5, must be a number in [0, 1]");
        assertThatThrownBy(() -> s.resolve(Map.of("lr", "fast"))).hasMessageContaining("'lr' is \"fast\", must be a number > 0");
        assertThatThrownBy(() -> s.resolve(Map.of("momentum", 0.9))).hasMessageContaining("unknown hyperparameter 'momentum'");
        assertThat(s.resolve(Map.of("lr", "1e-3")).real("lr")).isEqualTo(1e-3);
    }

    private static Hyperparameters noHyperparameters() {
        return HyperparameterSchema.empty().resolve(Map.of());
    }
}
