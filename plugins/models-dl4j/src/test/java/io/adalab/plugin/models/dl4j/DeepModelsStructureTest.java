package io.adalab.plugin.models.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adalab.api.Batch;
import io.adalab.api.DType;
import io.adalab.api.DataShape;
import io.adalab.api.HyperparameterException;
import io.adalab.api.ModelFactory;
import io.adalab.api.ParameterGroup;
import io.adalab.api.Task;
import io.adalab.api.TrainableModel;
import io.adalab.api.Vec;
import io.adalab.api.dl4j.Dl4jModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeepModelsStructureTest {
    private static final DataShape FMNIST = new DataShape(new long[] {1, 28, 28}, 10, Task.CLASSIFICATION, List.of());
    private static final DataShape TEXT = new DataShape(new long[] {16}, 30, Task.LANGUAGE_MODEL, List.of());

    private static TrainableModel create(ModelFactory f, DataShape shape, Map<String, ?> values) {
        return f.create(shape, f.schema().resolve(values), DType.FLOAT32, 1);
    }

    private static double[] initial(TrainableModel m) {
        Vec p = Vec.zeros(m.dtype(), m.parameterCount());
        m.initialParameters(p);
        return p.toDoubleArray();
    }

    private static void assertGroupsTile(TrainableModel m) {
        int next = 0;
        for (ParameterGroup g : m.groups()) {
            assertThat(g.offset()).as(g.name()).isEqualTo(next);
            next = g.end();
        }
        assertThat(next).isEqualTo(m.parameterCount());
    }

    @Test
    void fmnist2c2dHasDeepObsLayersAndParameterCount() {
        Dl4jModel m = (Dl4jModel) create(new Fmnist2c2dFactory(), FMNIST, Map.of());
        assertThat(m.parameterCount()).isEqualTo(3_274_634);
        assertThat(m.groups()).extracting(ParameterGroup::name)
            .containsExactly("0_b", "0_W", "2_b", "2_W", "4_W", "4_b", "5_W", "5_b"); // DL4J's conv layers: bias first
        assertThat(m.groups().get(1).shape()).containsExactly(32, 1, 5, 5);
        assertThat(m.groups().get(3).shape()).containsExactly(64, 32, 5, 5);
        assertThat(m.groups().get(4).shape()).containsExactly(7 * 7 * 64, 1024);
        assertGroupsTile(m);
    }

    @Test
    void fmnist2c2dWeightsAreTruncatedNormalWithStdDevFiveHundredthsAndBiasesFiveHundredths() {
        Dl4jModel m = (Dl4jModel) create(new Fmnist2c2dFactory(), FMNIST, Map.of());
        double[] p = initial(m);
        ParameterGroup dense = m.groups().get(4);
        double ss = 0;
        double max = 0;
        for (int i = dense.offset(); i < dense.end(); i++) {
            ss += p[i] * p[i];
            max = Math.max(max, Math.abs(p[i]));
        }
        // a normal truncated at two standard deviations keeps 0.774 of the variance
        assertThat(Math.sqrt(ss / dense.length())).isCloseTo(0.05 * Math.sqrt(0.774), org.assertj.core.data.Offset.offset(1e-3));
        assertThat(max).isLessThanOrEqualTo(0.1 + 1e-7);
        for (ParameterGroup g : m.groups()) {
            if (g.name().endsWith("_b")) {
                for (int i = g.offset(); i < g.end(); i++) {
                    assertThat(p[i]).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-7));
                }
            }
        }
    }

    @Test
    void everyGroupOfADl4jNetworkSitsWhereDl4jKeepsThatTensorInTheFlatParameters() {
        for (ModelFactory f : List.of(new Fmnist2c2dFactory(), new LeNet5Factory(), new MnistMlpFactory())) {
            Dl4jModel m = (Dl4jModel) create(f, FMNIST, Map.of());
            var flat = m.network().params();
            for (ParameterGroup g : m.groups()) {
                var view = m.network().paramTable().get(g.name());
                assertThat(view.data().address()).as(f.id() + " " + g.name()).isEqualTo(flat.data().address());
                assertThat(view.offset() - flat.offset()).as(f.id() + " " + g.name()).isEqualTo(g.offset());
            }
        }
        var lstm = (io.adalab.api.dl4j.Dl4jSequenceModel) create(new CharLstmFactory(), TEXT, Map.of());
        for (ParameterGroup g : lstm.groups()) {
            var view = lstm.network().paramTable().get(g.name());
            assertThat(view.offset() - lstm.network().params().offset()).as("char_lstm " + g.name()).isEqualTo(g.offset());
        }
    }

    @Test
    void mnistMlpAndLenet5HaveTheirPublishedSizes() {
        TrainableModel mlp = create(new MnistMlpFactory(), FMNIST, Map.of());
        assertThat(mlp.parameterCount()).isEqualTo(1_336_610);
        assertThat(mlp.groups()).hasSize(8);
        assertGroupsTile(mlp);
        TrainableModel lenet = create(new LeNet5Factory(), FMNIST, Map.of());
        assertThat(lenet.parameterCount()).isEqualTo(61_706);
        assertThat(lenet.groups()).hasSize(10);
        assertGroupsTile(lenet);
    }

    @Test
    void languageModelsReportEveryTensorAsAGroup() {
        TrainableModel lstm = create(new CharLstmFactory(), TEXT, Map.of("embedding", 8, "hidden", 12, "layers", 2));
        assertThat(lstm.groups()).extracting(ParameterGroup::name)
            .containsExactly("0_W", "1_W", "1_RW", "1_b", "2_W", "2_RW", "2_b", "3_W", "3_b");
        assertGroupsTile(lstm);
        TrainableModel gpt = create(new TinyTransformerFactory(), TEXT, Map.of("width", 8, "heads", 2, "blocks", 2));
        assertThat(gpt.groups()).extracting(ParameterGroup::name).startsWith("E", "P", "b0_ln1_g")
            .contains("b1_q_W", "b1_fc2_b").endsWith("lnf_g", "lnf_b", "head_W", "head_b");
        assertThat(gpt.groups()).hasSize(2 + 2 * 16 + 4);
        assertGroupsTile(gpt);
    }

    @Test
    void languageModelsWithDefaultsHaveTheSizesTheReadmeStates() {
        DataShape corpus = new DataShape(new long[] {64}, 62, Task.LANGUAGE_MODEL, List.of());
        assertThat(create(new CharLstmFactory(), corpus, Map.of()).parameterCount()).isEqualTo(223_998);
        assertThat(create(new TinyTransformerFactory(), corpus, Map.of()).parameterCount()).isEqualTo(112_190);
    }

    @Test
    void aFixedSeedGivesIdenticalInitialParametersForEveryNewModel() {
        for (ModelFactory f : List.of(new Fmnist2c2dFactory(), new LeNet5Factory(), new MnistMlpFactory())) {
            // Arrays.equals: AssertJ's element diff of two 3M-element arrays would take minutes
            assertThat(java.util.Arrays.equals(initial(create(f, FMNIST, Map.of())), initial(create(f, FMNIST, Map.of()))))
                .as(f.id()).isTrue();
        }
        for (ModelFactory f : List.of(new CharLstmFactory(), new TinyTransformerFactory())) {
            assertThat(java.util.Arrays.equals(initial(create(f, TEXT, Map.of())), initial(create(f, TEXT, Map.of()))))
                .as(f.id()).isTrue();
        }
    }

    @Test
    void modelsRefuseTheWrongTaskNamingIt() {
        for (ModelFactory f : List.of(new Fmnist2c2dFactory(), new LeNet5Factory(), new MnistMlpFactory())) {
            assertThatThrownBy(() -> create(f, TEXT, Map.of())).as(f.id())
                .isInstanceOfSatisfying(HyperparameterException.class, e -> assertThat(e.field()).isEqualTo("task"));
        }
        for (ModelFactory f : List.of(new CharLstmFactory(), new TinyTransformerFactory())) {
            assertThatThrownBy(() -> create(f, FMNIST, Map.of())).as(f.id())
                .isInstanceOfSatisfying(HyperparameterException.class, e -> assertThat(e.field()).isEqualTo("task"));
        }
    }

    @Test
    void lenet5RefusesImagesTooSmallForItsUnpaddedConvolution() {
        DataShape small = new DataShape(new long[] {1, 8, 8}, 10, Task.CLASSIFICATION, List.of());
        assertThatThrownBy(() -> create(new LeNet5Factory(), small, Map.of()))
            .isInstanceOfSatisfying(HyperparameterException.class, e -> assertThat(e.field()).isEqualTo("features"));
    }

    @Test
    void headsMustDivideTheWidth() {
        assertThatThrownBy(() -> create(new TinyTransformerFactory(), TEXT, Map.of("width", 10, "heads", 4)))
            .isInstanceOfSatisfying(HyperparameterException.class, e -> assertThat(e.field()).isEqualTo("heads"));
    }

    @Test
    void evaluationCountsPredictedTokensAndItsMeanLossIsTheTrainingLoss() {
        DataShape tiny = TinySequences.text(6, 5);
        for (ModelFactory f : List.of(new CharLstmFactory(), new TinyTransformerFactory())) {
            TrainableModel m = f.create(tiny, f.schema().resolve(Map.of()), DType.FLOAT64, 2);
            Vec p = Vec.zeros(DType.FLOAT64, m.parameterCount());
            m.initialParameters(p);
            Vec g = Vec.zeros(DType.FLOAT64, m.parameterCount());
            for (boolean masked : new boolean[] {false, true}) {
                Batch b = TinySequences.tokenBatch(tiny, 3, masked, 4);
                double loss = m.lossAndGradient(p, b, g);
                var e = m.evaluate(p, b);
                assertThat(e.count()).as(f.id()).isEqualTo(masked ? 3 * 6 - 2 : 3 * 6);
                assertThat(e.meanLoss()).as(f.id()).isCloseTo(loss, org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void truncatedBpttKeepsTheLossAndTheOutputGradientButCutsTheRecurrentGradient() {
        DataShape tiny = TinySequences.text(8, 5);
        CharLstmFactory f = new CharLstmFactory();
        Batch b = TinySequences.tokenBatch(tiny, 3, true, 9);
        TrainableModel full = f.create(tiny, f.schema().resolve(Map.of("hidden", 6, "layers", 1)), DType.FLOAT64, 3);
        TrainableModel cut = f.create(tiny, f.schema().resolve(Map.of("hidden", 6, "layers", 1, "tbptt_length", 3)),
            DType.FLOAT64, 3);
        Vec p = Vec.zeros(DType.FLOAT64, full.parameterCount());
        full.initialParameters(p);
        Vec gFull = Vec.zeros(DType.FLOAT64, p.length());
        Vec gCut = Vec.zeros(DType.FLOAT64, p.length());
        assertThat(cut.lossAndGradient(p, b, gCut)).isCloseTo(full.lossAndGradient(p, b, gFull),
            org.assertj.core.data.Offset.offset(1e-12));
        ParameterGroup out = full.groups().get(full.groups().size() - 2); // the output layer's weights
        ParameterGroup recurrent = full.groups().get(2); // 1_RW
        assertThat(recurrent.name()).isEqualTo("1_RW");
        for (int i = out.offset(); i < out.end(); i++) {
            assertThat(gCut.get(i)).isCloseTo(gFull.get(i), org.assertj.core.data.Offset.offset(1e-12));
        }
        double diff = 0;
        for (int i = recurrent.offset(); i < recurrent.end(); i++) {
            diff = Math.max(diff, Math.abs(gCut.get(i) - gFull.get(i)));
        }
        assertThat(diff).isGreaterThan(1e-8);
    }
}
