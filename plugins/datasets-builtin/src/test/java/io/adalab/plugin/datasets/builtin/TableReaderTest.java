package io.adalab.plugin.datasets.builtin;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class TableReaderTest {
    @Test
    void aBadNumberIsReportedWithFileAndLine() {
        assertThatThrownBy(() -> TableReader.countedHeaderCsv("broken.csv"))
            .isInstanceOf(IOException.class).hasMessageStartingWith("broken.csv line 3");
    }

    @Test
    void aTruncatedFileIsReportedWithItsName() {
        assertThatThrownBy(() -> TableReader.countedHeaderCsv("short.csv"))
            .isInstanceOf(IOException.class).hasMessageContaining("short.csv").hasMessageContaining("1 of 3");
    }

    @Test
    void aMissingFileIsReportedWithItsName() {
        assertThatThrownBy(() -> TableReader.countedHeaderCsv("absent.csv"))
            .isInstanceOf(IOException.class).hasMessageStartingWith("absent.csv");
    }

    @Test
    void aDamagedGzipIsReportedWithItsName() {
        assertThatThrownBy(() -> TableReader.digits("notgzip.csv.gz", 1797))
            .isInstanceOf(IOException.class).hasMessageStartingWith("notgzip.csv.gz");
    }
}
