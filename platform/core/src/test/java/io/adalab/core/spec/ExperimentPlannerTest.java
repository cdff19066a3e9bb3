package io.adalab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adalab.core.Fixtures;
import org.junit.jupiter.api.Test;

class ExperimentPlannerTest {
    private final ExperimentPlanner planner = new ExperimentPlanner(Fixtures.registry());

    private SpecException fail(String yaml) {
        try {
            planner.plan(yaml, false);
        } catch (SpecException e) {
            return e;
        }
        throw new AssertionError("spec was accepted:\n" + yaml);
    }

    @Test
    void expandsCompareEntriesTimesSeedsWithDefaultsFilledIn() {
        ExperimentPlan p = planner.plan("""
            name: demo
            problem: {type: bowl, n: 3}
            training: {steps: 10}
            seeds: [1, 2, 3]
            compare:
              - optimizer: plain_sgd
                lr: 0.5
              - optimizer: plain_sgd
            """, false);
        assertThat(p.runs()).hasSize(6);
        assertThat(p.runs().get(0).optimizer().hyperparameters().real("lr")).isEqualTo(0.5);
        assertThat(p.runs().get(3).optimizer().hyperparameters().real("lr")).isEqualTo(0.1);
        assertThat(p.runs().get(4).seed()).isEqualTo(2);
        assertThat(p.runs().get(0).label()).isEqualTo("plain_sgd lr=0.5");
        assertThat(p.runs().get(0).training().dtype()).isEqualTo(io.adalab.api.DType.FLOAT64);
    }

    @Test
    void anUnknownOptimizerIsNamedWithTheLineAndTheKnownIds() {
        SpecException e = fail("name: x\nproblem: bowl\ntraining: {steps: 5}\ncompare:\n  - optimizer: adamm\n");
        assertThat(e.field()).isEqualTo("compare[0].optimizer");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("unknown optimizer 'adamm'").contains("plain_sgd");
    }

    @Test
    void anUnknownProblemOrDatasetIsNamed() {
        assertThat(fail("name: x\nproblem: nope\ntraining: {steps: 5}\ncompare: [{optimizer: plain_sgd}]").getMessage())
            .contains("unknown problem 'nope'").contains("bowl");
        assertThat(fail("name: x\ndataset: nope\nmodel: {type: mlp}\ntraining: {epochs: 1}\ncompare: [{optimizer: plain_sgd}]")
            .getMessage()).contains("unknown dataset 'nope'");
    }

    @Test
    void aValueOutOfRangeSaysWhatIsAllowed() {
        SpecException e = fail("name: x\nproblem: bowl\ntraining: {steps: 5}\ncompare:\n  - optimizer: plain_sgd\n    lr: -1\n");
        assertThat(e.field()).isEqualTo("compare[0].lr");
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.getMessage()).contains("'lr' is -1, must be a number > 0");
    }

    @Test
    void aWrongTypeIsReported() {
        SpecException e = fail("name: x\nproblem: bowl\ntraining: {steps: five}\ncompare: [{optimizer: plain_sgd}]");
        assertThat(e.field()).isEqualTo("training.steps");
        assertThat(e.getMessage()).contains("must be an integer");
    }

    @Test
    void missingFieldsAreNamed() {
        assertThat(fail("problem: bowl\ntraining: {steps: 5}\ncompare: [{optimizer: plain_sgd}]").field()).isEqualTo("name");
        assertThat(fail("name: x\nproblem: bowl\ntraining: {steps: 5}").field()).isEqualTo("compare");
        assertThat(fail("name: x\nproblem: bowl\ncompare: [{optimizer: plain_sgd}]").field()).isEqualTo("training.steps");
        assertThat(fail("name: x\nproblem: bowl\ntraining: {steps: 5}\ncompare: [{lr: 0.1}]").field()).isEqualTo("compare[0].optimizer");
    }

    @Test
    void unknownKeysAreRefusedWithTheAllowedOnes() {
        SpecException e = fail("name: x\nproblme: bowl\n");
        assertThat(e.getMessage()).contains("unknown key 'problme'").contains("problem");
        assertThat(fail("name: x\nproblem: bowl\ntraining: {steps: 5}\ncompare: [{optimizer: plain_sgd, momentum: 0.9}]")
            .getMessage()).contains("unknown hyperparameter 'momentum'");
    }

    @Test
    void malformedYamlGivesTheLine() {
        SpecException e = fail("name: x\ncompare: [{optimizer: plain_sgd\nseeds: [1]\n");
        assertThat(e.getMessage()).startsWith("malformed YAML");
        assertThat(e.line()).isGreaterThan(0);
        assertThatThrownBy(() -> planner.plan("name: a\nname: b\n", false)).hasMessageContaining("duplicate key 'name'");
    }

    @Test
    void jsonSpecsWorkToo() {
        ExperimentPlan p = planner.plan("{\"name\":\"j\",\"problem\":\"bowl\",\"training\":{\"steps\":3},"
            + "\"compare\":[{\"optimizer\":\"plain_sgd\",\"lr\":0.2}]}", true);
        assertThat(p.runs()).singleElement().satisfies(r -> assertThat(r.optimizer().hyperparameters().real("lr")).isEqualTo(0.2));
    }

    @Test
    void duplicateSeedsAreRefused() {
        assertThat(fail("name: x\nproblem: bowl\ntraining: {steps: 5}\nseeds: [1, 1]\ncompare: [{optimizer: plain_sgd}]")
            .field()).isEqualTo("seeds[1]");
    }
}
