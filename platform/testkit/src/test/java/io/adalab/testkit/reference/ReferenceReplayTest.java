package io.adalab.testkit.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Optimizer;
import io.adalab.api.UpdateRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceReplayTest {
    private static final Path SET = ReferenceFiles.locate("optimizers");

    private static ReferenceReplay with(Optimizer o) {
        return new ReferenceReplay(id -> id.equals(o.id()) ? Optional.of(o) : Optional.empty(), id -> Optional.empty());
    }

    @Test
    void aCorrectSgdPassesEveryProblem() throws IOException {
        ReferenceReplay replay = with(new TestSgd(false));
        for (String problem : new String[] {"rosenbrock", "quadratic10", "logreg-digits200"}) {
            ReplayResult r = replay.replay(SET.resolve("sgd__" + problem + ".json"));
            assertThat(r.status()).as(r.toString()).isEqualTo(ReplayResult.Status.PASS);
            assertThat(r.caseName()).isEqualTo("sgd__" + problem);
            assertThat(r.maxError()).containsKeys("loss", "params", "grad");
            assertThat(r.tolerance()).containsEntry("params", 1e-10);
        }
    }

    @Test
    void logisticRegressionCasesCompareTheGradientNorm() throws IOException {
        ReplayResult r = with(new TestSgd(false)).replay(SET.resolve("sgd__logreg-digits200.json"));
        assertThat(r.maxError()).containsKey("grad_norm");
        assertThat(r.steps()).isEqualTo(100);
    }

    @Test
    void aWrongOptimizerFailsWithTheWorstErrorNamed() throws IOException {
        ReplayResult r = with(new TestSgd(true)).replay(SET.resolve("sgd__rosenbrock.json"));
        assertThat(r.status()).isEqualTo(ReplayResult.Status.FAIL);
        assertThat(r.message()).contains("params").contains("step 1");
        assertThat(r.maxError().get("params")).isGreaterThan(1e-10);
    }

    @Test
    void aMissingOptimizerIsUnsupportedNotFailed() throws IOException {
        ReplayResult r = with(new TestSgd(false)).replay(SET.resolve("adam__rosenbrock.json"));
        assertThat(r.status()).isEqualTo(ReplayResult.Status.UNSUPPORTED);
        assertThat(r.message()).contains("adam");
    }

    @Test
    void aSettingTheSchemaRejectsIsUnsupported() throws IOException {
        ReplayResult r = with(new TestSgd(false)).replay(SET.resolve("sgd-momentum__rosenbrock.json"));
        assertThat(r.status()).isEqualTo(ReplayResult.Status.UNSUPPORTED);
        assertThat(r.message()).contains("momentum");
    }

    @Test
    void aMissingScheduleIsUnsupported() throws IOException {
        Optimizer adamStandIn = new Optimizer() {
            @Override public String id() {
                return "adam";
            }

            @Override public String displayName() {
                return "accepts Adam's settings";
            }

            @Override public HyperparameterSchema schema() {
                return HyperparameterSchema.builder().real("lr", 0.001).real("beta1", 0.9).real("beta2", 0.999)
                    .real("eps", 1e-8).real("weight_decay", 0.0).bool("amsgrad", false)
                    .bool("decoupled_weight_decay", false).build();
            }

            @Override public UpdateRule create(Hyperparameters h) {
                return UpdateRule.of(0, (b, ctx) -> { });
            }
        };
        ReplayResult r = with(adamStandIn).replay(SET.resolve("adam-steplr__rosenbrock.json"));
        assertThat(r.status()).isEqualTo(ReplayResult.Status.UNSUPPORTED);
        assertThat(r.message()).contains("schedule 'step'");
    }

    @Test
    void brokenJsonFailsInsteadOfThrowing(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("broken.json"), "{\"format\": \"optimizer-reference/1\", \"traj");
        ReplayResult r = with(new TestSgd(false)).replay(f);
        assertThat(r.status()).isEqualTo(ReplayResult.Status.FAIL);
        assertThat(ReferenceReplay.isCase(f)).isFalse();
    }

    @Test
    void caseFilesAreRecognisedAndDataFilesAreNot() {
        assertThat(ReferenceReplay.isCase(SET.resolve("adam__rosenbrock.json"))).isTrue();
        assertThat(ReferenceReplay.isCase(SET.resolve("data__digits-rows0-199.json"))).isFalse();
        assertThat(ReferenceReplay.isCase(SET.resolve("README.md"))).isFalse();
        assertThat(ReferenceReplay.isCase(SET.resolve("missing.json"))).isFalse();
    }

    @Test
    void theReferenceFolderIsFoundFromTheWorkingDirectory() {
        assertThat(SET.resolve("adam__rosenbrock.json")).exists();
        assertThat(ReferenceFiles.locate("optimizers-extra").resolve("sf-sgd__rosenbrock.json")).exists();
    }

    @Test
    void casesAreFoundByOptimizerNameWithOrWithoutSchedulers() {
        assertThat(ReferenceCases.of("optimizers", Set.of("sgd"), false))
            .contains(SET.resolve("sgd__rosenbrock.json")).isSorted()
            .allSatisfy(f -> assertThat(f.getFileName().toString()).startsWith("sgd"));
        assertThat(ReferenceCases.of("optimizers", Set.of("adam"), true))
            .hasSizeGreaterThan(ReferenceCases.of("optimizers", Set.of("adam"), false).size());
    }

    @Test
    void assertPassesReportsTheResult() {
        assertThat(ReferenceCases.assertPasses(SET.resolve("sgd__rosenbrock.json"), Map.of("sgd", new TestSgd(false))).status())
            .isEqualTo(ReplayResult.Status.PASS);
        assertThatThrownBy(() -> ReferenceCases.assertPasses(SET.resolve("sgd__rosenbrock.json"), Map.of("sgd", new TestSgd(true))))
            .isInstanceOf(AssertionError.class).hasMessageContaining("FAIL");
    }
}
