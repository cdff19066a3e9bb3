package io.adalab.core.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Binary layout of one series chunk: a version byte, the column count k, the point count n, the
 * first step as a long, the remaining steps as unsigned LEB128 deltas, then k columns of n doubles
 * (little endian). Level 0 has one column (the value); pyramid levels have three (min, max, last).
 */
final class ChunkCodec {
    private static final byte VERSION = 1;

    private ChunkCodec() {
    }

    static byte[] encode(long[] steps, double[][] columns, int n) {
        ByteBuffer b = ByteBuffer.allocate(2 + 4 + 8 + n * 10 + columns.length * n * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put(VERSION).put((byte) columns.length).putInt(n);
        if (n > 0) {
            b.putLong(steps[0]);
            for (int i = 1; i < n; i++) {
                long d = steps[i] - steps[i - 1];
                while ((d & ~0x7FL) != 0) {
                    b.put((byte) ((d & 0x7F) | 0x80));
                    d >>>= 7;
                }
                b.put((byte) d);
            }
        }
        for (double[] col : columns) {
            for (int i = 0; i < n; i++) {
                b.putDouble(col[i]);
            }
        }
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    /** Decoded chunk: steps and k columns. */
    record Chunk(long[] steps, double[][] columns) {
    }

    static Chunk decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.get() != VERSION) {
            throw new IllegalStateException("unknown chunk version");
        }
        int k = b.get();
        int n = b.getInt();
        long[] steps = new long[n];
        if (n > 0) {
            steps[0] = b.getLong();
            for (int i = 1; i < n; i++) {
                long d = 0;
                int shift = 0;
                byte x;
                do {
                    x = b.get();
                    d |= (long) (x & 0x7F) << shift;
                    shift += 7;
                } while ((x & 0x80) != 0);
                steps[i] = steps[i - 1] + d;
            }
        }
        double[][] cols = new double[k][n];
        for (double[] col : cols) {
            for (int i = 0; i < n; i++) {
                col[i] = b.getDouble();
            }
        }
        return new Chunk(steps, cols);
    }
}
