package io.adalab.plugin.datasets.builtin;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One IDX file (LeCun's MNIST format): a big-endian header, magic {@code 0x0000TTNN} with type
 * {@code TT = 0x08} (unsigned byte, the only type MNIST-style data use) and {@code NN} dimensions,
 * then {@code NN} 32-bit sizes, then the data in row-major order. Records (the first dimension) are
 * read on demand with positional reads, never the whole file into heap: a {@code .gz} file is first
 * decompressed to a temporary file, which {@link #close()} deletes.
 *
 * <p>Every error names the file: wrong magic, wrong number of dimensions, a length that does not
 * match the header (truncated or trailing bytes), a damaged gzip stream.
 */
final class IdxFile implements Closeable {
    private static final int UBYTE = 0x08;
    private final Path source;
    private final Path temp;
    private final FileChannel channel;
    private final int[] dims;
    private final long headerBytes;
    private final int recordBytes;

    private IdxFile(Path source, Path temp, FileChannel channel, int[] dims) {
        this.source = source;
        this.temp = temp;
        this.channel = channel;
        this.dims = dims;
        this.headerBytes = 4 + 4L * dims.length;
        long r = 1;
        for (int i = 1; i < dims.length; i++) {
            r *= dims[i];
        }
        this.recordBytes = (int) r;
    }

    /**
     * Opens and validates {@code file}.
     *
     * @param expectedDims the number of dimensions the caller needs (1 for labels, 3 for images)
     * @throws IOException naming the file if it is missing, corrupt, truncated or of another shape
     */
    static IdxFile open(Path file, int expectedDims) throws IOException {
        Path data = file;
        Path temp = null;
        if (file.getFileName().toString().endsWith(".gz")) {
            temp = Files.createTempFile("adalab-idx-", ".raw");
            try {
                gunzip(file, temp);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            data = temp;
        }
        FileChannel ch = FileChannel.open(data, StandardOpenOption.READ);
        try {
            int[] dims = header(file, ch, expectedDims);
            IdxFile idx = new IdxFile(file, temp, ch, dims);
            long expected = idx.headerBytes + (long) dims[0] * idx.recordBytes;
            long actual = ch.size();
            if (actual != expected) {
                throw new IOException(file + ": " + (actual < expected ? "truncated" : "has trailing bytes") + ": header "
                    + Arrays.toString(dims) + " needs " + expected + " bytes" + (temp != null ? " uncompressed" : "")
                    + ", found " + actual);
            }
            return idx;
        } catch (IOException | RuntimeException e) {
            ch.close();
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
            throw e;
        }
    }

    private static void gunzip(Path file, Path to) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            Files.copy(in, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (EOFException e) {
            throw new IOException(file + ": truncated gzip file (" + e.getMessage() + ")", e);
        } catch (ZipException e) {
            throw new IOException(file + ": corrupt gzip file (" + e.getMessage() + ")", e);
        }
    }

    private static int[] header(Path file, FileChannel ch, int expectedDims) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(4);
        if (ch.read(head, 0) < 4) {
            throw new IOException(file + ": truncated: no IDX header (" + ch.size() + " bytes)");
        }
        int magic = head.getInt(0);
        int type = (magic >>> 8) & 0xff;
        int n = magic & 0xff;
        if ((magic >>> 16) != 0 || type != UBYTE || n != expectedDims) {
            throw new IOException(String.format("%s: not an IDX file of unsigned bytes with %d dimension%s: magic number "
                + "0x%08x, expected 0x%08x", file, expectedDims, expectedDims == 1 ? "" : "s", magic,
                (UBYTE << 8) | expectedDims));
        }
        ByteBuffer sizes = ByteBuffer.allocate(4 * n);
        if (ch.read(sizes, 4) < 4 * n) {
            throw new IOException(file + ": truncated inside the IDX header");
        }
        int[] dims = new int[n];
        for (int i = 0; i < n; i++) {
            dims[i] = sizes.getInt(4 * i);
            if (dims[i] < 0) {
                throw new IOException(file + ": negative size " + dims[i] + " in the IDX header");
            }
        }
        return dims;
    }

    /** The file as the user named it. */
    Path source() {
        return source;
    }

    /** The sizes from the header; {@code dims()[0]} is the number of records. */
    int[] dims() {
        return dims.clone();
    }

    /** Number of records. */
    int count() {
        return dims[0];
    }

    /** Bytes per record (the product of all but the first dimension). */
    int recordBytes() {
        return recordBytes;
    }

    /** Reads record {@code index} into {@code dst} (of at least {@link #recordBytes()} remaining). Thread-safe. */
    void read(int index, ByteBuffer dst) throws IOException {
        long pos = headerBytes + (long) index * recordBytes;
        dst.limit(dst.position() + recordBytes);
        while (dst.hasRemaining()) {
            int n = channel.read(dst, pos);
            if (n < 0) {
                throw new IOException(source + ": unexpected end of file at byte " + pos);
            }
            pos += n;
        }
    }

    /** All records, for small files (labels). */
    byte[] readAll() throws IOException {
        long n = (long) dims[0] * recordBytes;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IOException(source + ": too large to read whole (" + n + " bytes)");
        }
        ByteBuffer b = ByteBuffer.allocate((int) n);
        long pos = headerBytes;
        while (b.hasRemaining()) {
            int r = channel.read(b, pos);
            if (r < 0) {
                throw new IOException(source + ": unexpected end of file at byte " + pos);
            }
            pos += r;
        }
        return b.array();
    }

    @Override public void close() throws IOException {
        channel.close();
        if (temp != null) {
            Files.deleteIfExists(temp);
        }
    }
}
