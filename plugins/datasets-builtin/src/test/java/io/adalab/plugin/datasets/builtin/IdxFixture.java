package io.adalab.plugin.datasets.builtin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small MNIST-style IDX files: image {@code i} has every pixel {@code (i * 7 + k) % 256}, label {@code i % 10}. */
final class IdxFixture {
    private IdxFixture() {
    }

    static byte[] idx(int magic, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(data);
        return b.array();
    }

    static byte[] images(int n, int rows, int cols) {
        byte[] data = new byte[n * rows * cols];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < rows * cols; k++) {
                data[i * rows * cols + k] = (byte) ((i * 7 + k) % 256);
            }
        }
        return idx(0x803, new int[] {n, rows, cols}, data);
    }

    static byte[] labels(int n) {
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) {
            data[i] = (byte) (i % 10);
        }
        return idx(0x801, new int[] {n}, data);
    }

    /** A folder with the four files: {@code train} and {@code test} examples of 4x3 pixels. */
    static Path folder(Path dir, int train, int test, boolean gzip) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve("train-images-idx3-ubyte"), images(train, 4, 3), gzip);
        write(dir.resolve("train-labels-idx1-ubyte"), labels(train), gzip);
        write(dir.resolve("t10k-images-idx3-ubyte"), images(test, 4, 3), gzip);
        write(dir.resolve("t10k-labels-idx1-ubyte"), labels(test), gzip);
        return dir;
    }

    static Path write(Path file, byte[] content, boolean gzip) throws IOException {
        if (!gzip) {
            return Files.write(file, content);
        }
        Path gz = file.resolveSibling(file.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(content);
        }
        return gz;
    }
}
