package io.adalab.plugin.datasets.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Datasets larger than the heap: a forked JVM with {@code -Xmx} of {@value #HEAP_MB} MB reads a
 * whole epoch of a text file and of an IDX folder that are each larger than that heap. Loading
 * either whole would end in OutOfMemoryError.
 */
class StreamingTest {
    static final int HEAP_MB = 48;
    private static final long BIG = 64L << 20;

    @TempDir
    Path dir;

    @Test
    void aTextFileLargerThanTheHeapIsStreamed() throws Exception {
        Path f = dir.resolve("big.txt");
        Random rng = new Random(1);
        char[] line = new char[99];
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            for (long written = 0; written < BIG; written += line.length + 1) {
                for (int i = 0; i < line.length; i++) {
                    line[i] = (char) ('a' + rng.nextInt(16));
                }
                w.write(line);
                w.write('\n');
            }
        }
        assertThat(Files.size(f)).isGreaterThan((long) HEAP_MB << 20);
        String out = probe("text", f);
        assertThat(out).contains("examples=").doesNotContain("OutOfMemoryError");
        assertCountsMatch(out);
    }

    @Test
    void anIdxFolderLargerThanTheHeapIsStreamed() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("mnist"));
        int n = (int) (BIG / 784);
        Path images = folder.resolve("train-images-idx3-ubyte");
        try (OutputStream out = Files.newOutputStream(images)) {
            ByteBuffer head = ByteBuffer.allocate(16).putInt(0x803).putInt(n).putInt(28).putInt(28);
            out.write(head.array());
            byte[] img = new byte[784];
            for (int i = 0; i < n; i++) {
                img[i % 784] = (byte) i;
                out.write(img);
            }
        }
        Files.write(folder.resolve("train-labels-idx1-ubyte"), IdxFixture.labels(n));
        Files.write(folder.resolve("t10k-images-idx3-ubyte"), IdxFixture.images(100, 28, 28));
        Files.write(folder.resolve("t10k-labels-idx1-ubyte"), IdxFixture.labels(100));
        assertThat(Files.size(images)).isGreaterThan((long) HEAP_MB << 20);
        String out = probe("idx", folder);
        assertThat(out).contains("examples=" + (n + 100));
        assertCountsMatch(out);
    }

    private static void assertCountsMatch(String out) {
        String line = out.lines().filter(l -> l.startsWith("examples=")).findFirst().orElseThrow();
        String[] parts = line.split(" ");
        assertThat(parts[0].substring("examples=".length())).isEqualTo(parts[1].substring("expected=".length()));
        assertThat(Long.parseLong(parts[2].substring("maxHeap=".length()))).isLessThanOrEqualTo((long) HEAP_MB << 20);
    }

    private String probe(String kind, Path path) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + HEAP_MB + "m",
            // ND4J's off-heap limit defaults to the heap size; give the native arrays their own room
            "-Dorg.bytedeco.javacpp.maxbytes=1g", "-Dorg.bytedeco.javacpp.maxphysicalbytes=4g",
            "-cp", System.getProperty("java.class.path"), StreamingProbe.class.getName(), kind, path.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.redirectOutput(dir.resolve(kind + ".log").toFile());
        Process p = pb.start();
        boolean done = p.waitFor(10, TimeUnit.MINUTES); // a bound against hangs, not a speed requirement
        String out = Files.readString(dir.resolve(kind + ".log"));
        if (!done) {
            p.destroyForcibly();
        }
        assertThat(done).as("probe finished").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
