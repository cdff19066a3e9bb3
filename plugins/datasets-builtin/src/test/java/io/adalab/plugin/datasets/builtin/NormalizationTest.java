package io.adalab.plugin.datasets.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.adalab.api.DType;
import io.adalab.api.DatasetContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NormalizationTest {

    private static TableDataset open(ShippedDatasetProvider p, String normalize) throws Exception {
        return (TableDataset) p.open(p.schema().resolve(Map.of("normalize", normalize)),
            new DatasetContext(0, Path.of("."), DType.FLOAT64));
    }

    @Test
    void standardScalingGivesTrainingFeaturesZeroMeanAndUnitDeviation() throws Exception {
        TableDataset d = open(new WineDataset(), "standard");
        int cols = d.table().cols();
        int[] train = d.split().train();
        for (int c = 0; c < cols; c++) {
            double sum = 0;
            double ss = 0;
            for (int r : train) {
                double v = d.table().x()[r * cols + c];
                sum += v;
                ss += v * v;
            }
            assertThat(sum / train.length).isCloseTo(0, within(1e-9));
            assertThat(ss / train.length).isCloseTo(1, within(1e-9));
        }
    }

    @Test
    void minmaxScalingMapsTrainingFeaturesOntoTheUnitInterval() throws Exception {
        TableDataset d = open(new BreastCancerDataset(), "minmax");
        int cols = d.table().cols();
        for (int c = 0; c < cols; c++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int r : d.split().train()) {
                min = Math.min(min, d.table().x()[r * cols + c]);
                max = Math.max(max, d.table().x()[r * cols + c]);
            }
            assertThat(min).isZero();
            assertThat(max).isCloseTo(1, within(1e-12));
        }
    }

    @Test
    void digitsDefaultDividesPixelsBySixteen() throws Exception {
        DigitsDataset digits = new DigitsDataset();
        TableDataset d = (TableDataset) digits.open(digits.schema().resolve(Map.of()),
            new DatasetContext(0, Path.of("."), DType.FLOAT64));
        Table raw = digits.read();
        assertThat(d.table().x()[2]).isEqualTo(raw.x()[2] / 16); // first row's third pixel, 5 -> 0.3125
        assertThat(d.table().x()[2]).isEqualTo(0.3125);
    }

    @Test
    void standardScalingLeavesConstantFeaturesCentredNotNaN() throws Exception {
        TableDataset d = open(new DigitsDataset(), "standard");
        assertThat(d.table().x()).doesNotContain(Double.NaN);
        assertThat(d.table().x()[0]).isZero(); // pixel 0 is always 0 in digits
    }
}
