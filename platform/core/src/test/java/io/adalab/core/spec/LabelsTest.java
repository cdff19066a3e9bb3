package io.adalab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelsTest {
    @Test void numbersReadAsAPersonWouldWriteThem() {
        assertThat(Labels.value(5.0E-4)).isEqualTo("0.0005");
        assertThat(Labels.value(0.001)).isEqualTo("0.001");
        assertThat(Labels.value(1.0E-5)).isEqualTo("1e-5");
        assertThat(Labels.value(3.0E-8)).isEqualTo("3e-8");
        assertThat(Labels.value(0.0031622776601683794)).isEqualTo("0.003162");
        assertThat(Labels.value(3.1622776601683794E-6)).isEqualTo("3.162e-6");
        assertThat(Labels.value(0.9)).isEqualTo("0.9");
        assertThat(Labels.value(0.999)).isEqualTo("0.999");
        assertThat(Labels.value(2.0)).isEqualTo("2");
        assertThat(Labels.value(123456.0)).isEqualTo("123456");
        assertThat(Labels.value(1234.5678)).isEqualTo("1235");
        assertThat(Labels.value(-0.25)).isEqualTo("-0.25");
        assertThat(Labels.value(64L)).isEqualTo("64");
        assertThat(Labels.value(true)).isEqualTo("true");
        assertThat(Labels.value("cosine")).isEqualTo("cosine");
        assertThat(Labels.value(Double.NaN)).isEqualTo("NaN");
    }
}
