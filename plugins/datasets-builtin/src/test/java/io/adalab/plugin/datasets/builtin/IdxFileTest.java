package io.adalab.plugin.datasets.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {
    @TempDir
    Path dir;

    @Test
    void headerGivesDimensionsAndRecordsReadByPosition() throws IOException {
        Path f = IdxFixture.write(dir.resolve("images"), IdxFixture.images(5, 4, 3), false);
        try (IdxFile idx = IdxFile.open(f, 3)) {
            assertThat(idx.dims()).containsExactly(5, 4, 3);
            assertThat(idx.recordBytes()).isEqualTo(12);
            ByteBuffer b = ByteBuffer.allocate(12);
            idx.read(2, b);
            assertThat(b.array()[0]).isEqualTo((byte) 14);
            assertThat(b.array()[11]).isEqualTo((byte) 25);
        }
    }

    @Test
    void gzipAndRawFilesReadTheSame() throws IOException {
        Path raw = IdxFixture.write(dir.resolve("labels"), IdxFixture.labels(23), false);
        Path gz = IdxFixture.write(dir.resolve("labels"), IdxFixture.labels(23), true);
        try (IdxFile a = IdxFile.open(raw, 1); IdxFile b = IdxFile.open(gz, 1)) {
            assertThat(b.readAll()).containsExactly(a.readAll()).hasSize(23);
        }
    }

    @Test
    void theTemporaryCopyOfAGzipFileIsDeletedOnClose() throws IOException {
        Path gz = IdxFixture.write(dir.resolve("labels"), IdxFixture.labels(3), true);
        long before = tempFiles();
        IdxFile.open(gz, 1).close();
        assertThat(tempFiles()).isEqualTo(before);
    }

    private static long tempFiles() throws IOException {
        try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("adalab-idx-")).count();
        }
    }

    @Test
    void aWrongMagicNumberIsRefusedNamingTheFileAndBothNumbers() throws IOException {
        Path f = IdxFixture.write(dir.resolve("labels-as-images"), IdxFixture.labels(4), false);
        assertThatThrownBy(() -> IdxFile.open(f, 3)).isInstanceOf(IOException.class)
            .hasMessageContaining(f.toString()).hasMessageContaining("0x00000801").hasMessageContaining("0x00000803");
    }

    @Test
    void aNonByteTypeIsRefused() throws IOException {
        Path f = Files.write(dir.resolve("floats"), IdxFixture.idx(0xD01, new int[] {1}, new byte[4]));
        assertThatThrownBy(() -> IdxFile.open(f, 1)).hasMessageContaining(f.toString())
            .hasMessageContaining("unsigned bytes");
    }

    @Test
    void aTruncatedFileIsRefusedWithTheExpectedAndActualLength() throws IOException {
        byte[] full = IdxFixture.images(5, 4, 3);
        Path f = Files.write(dir.resolve("short"), Arrays.copyOf(full, full.length - 7));
        assertThatThrownBy(() -> IdxFile.open(f, 3)).hasMessageContaining(f.toString()).hasMessageContaining("truncated")
            .hasMessageContaining(String.valueOf(full.length));
    }

    @Test
    void aFileCutInsideItsHeaderIsRefused() throws IOException {
        Path f = Files.write(dir.resolve("stub"), new byte[] {0, 0, 8});
        assertThatThrownBy(() -> IdxFile.open(f, 1)).hasMessageContaining(f.toString()).hasMessageContaining("truncated");
        Path g = Files.write(dir.resolve("stub2"), Arrays.copyOf(IdxFixture.images(5, 4, 3), 9));
        assertThatThrownBy(() -> IdxFile.open(g, 3)).hasMessageContaining(g.toString()).hasMessageContaining("header");
    }

    @Test
    void trailingBytesAreRefused() throws IOException {
        byte[] full = IdxFixture.labels(5);
        Path f = Files.write(dir.resolve("long"), Arrays.copyOf(full, full.length + 1));
        assertThatThrownBy(() -> IdxFile.open(f, 1)).hasMessageContaining(f.toString())
            .hasMessageContaining("trailing bytes");
    }

    @Test
    void aTruncatedGzipFileIsRefusedNamingIt() throws IOException {
        Path gz = IdxFixture.write(dir.resolve("images"), IdxFixture.images(50, 4, 3), true);
        byte[] bytes = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> IdxFile.open(gz, 3)).isInstanceOf(IOException.class)
            .hasMessageContaining(gz.toString()).hasMessageContaining("truncated");
    }

    @Test
    void aCorruptGzipFileIsRefusedNamingIt() throws IOException {
        Path gz = Files.write(dir.resolve("images.gz"), IdxFixture.images(5, 4, 3));
        assertThatThrownBy(() -> IdxFile.open(gz, 3)).isInstanceOf(IOException.class)
            .hasMessageContaining(gz.toString()).hasMessageContaining("corrupt gzip");
    }
}
