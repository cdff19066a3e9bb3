package io.adalab.plugin.datasets.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.adalab.api.DType;
import io.adalab.api.DatasetContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitTest {
    private final DigitsDataset digits = new DigitsDataset();

    private TableDataset open(Map<String, ?> values, long runSeed) throws Exception {
        return (TableDataset) digits.open(digits.schema().resolve(values), new DatasetContext(runSeed, Path.of("."),
            DType.FLOAT32));
    }

    @Test
    void everyClassIsSplitInProportionToItsSize() throws Exception {
        TableDataset d = open(Map.of("test_fraction", 0.3), 0);
        int[] all = d.table().classCounts();
        int[] inTest = new int[all.length];
        for (int row : d.split().test()) {
            inTest[d.table().y()[row]]++;
        }
        for (int c = 0; c < all.length; c++) {
            assertThat((double) inTest[c]).isBetween(0.3 * all[c] - 1, 0.3 * all[c] + 1);
        }
        assertThat(d.testSize()).isEqualTo(Math.round(0.3 * 1797));
    }

    @Test
    void trainAndTestPartitionTheExamples() throws Exception {
        Split s = open(Map.of(), 0).split();
        int[] both = IntStream.concat(IntStream.of(s.train()), IntStream.of(s.test())).sorted().toArray();
        assertThat(both).containsExactly(IntStream.range(0, 1797).toArray());
    }

    @Test
    void sameSplitSeedGivesTheSameSplitWhateverTheRunSeed() throws Exception {
        assertThat(open(Map.of(), 1).split().test()).containsExactly(open(Map.of(), 2).split().test());
        assertThat(open(Map.of("split_seed", 5), 1).split().test())
            .containsExactly(open(Map.of("split_seed", 5), 99).split().test());
    }

    @Test
    void anotherSplitSeedGivesAnotherSplit() throws Exception {
        assertThat(open(Map.of("split_seed", 1), 0).split().test())
            .isNotEqualTo(open(Map.of("split_seed", 2), 0).split().test());
    }

    @Test
    void splitIsStableAcrossReleases() {
        // pins the algorithm (SplittableRandom + Fisher-Yates + largest remainder): changing it changes experiments
        int[] labels = {0, 1, 0, 1, 0, 1, 0, 1, 2, 2};
        Split s = Split.stratified(labels, 3, 0.5, 0);
        assertThat(s.test()).containsExactly(0, 1, 4, 7, 8);
        assertThat(s.train()).containsExactly(2, 3, 5, 6, 9);
    }
}
