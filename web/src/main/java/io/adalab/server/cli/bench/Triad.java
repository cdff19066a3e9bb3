package io.adalab.server.cli.bench;

/**
 * STREAM's triad {@code a[i] = b[i] + s*c[i]} on {@code float[]}: the memory bandwidth a
 * single-threaded Java loop can reach on this machine. STREAM counts 12 bytes per element (read b
 * and c, write a); the memory actually moves 16, because the cache reads each line of {@code a}
 * before writing it (write-allocate). An optimizer step writes only lines it has just read, so its
 * byte count has no such hidden read: the bound uses the 16-byte figure (with 12, a fused float
 * Adam loop ran at 0.6-0.7x of the "bound" on the development machine; {@code a[i] += b[i] + s*c[i]},
 * which truly moves 16 bytes, takes the same time as the triad).
 */
final class Triad {
    /** Bytes per element as STREAM counts them. */
    static final int STREAM_BYTES_PER_ELEMENT = 12;
    /** Bytes per element the memory moves: STREAM's 12 plus the write-allocate read of {@code a}. */
    static final int BYTES_PER_ELEMENT = 16;

    private Triad() {
    }

    /** Times the triad on {@code n} elements: {@code warmup} untimed passes, then {@code repetitions} timed ones. */
    static Timing measure(int n, int repetitions, int warmup) {
        float[] a = new float[n];
        float[] b = new float[n];
        float[] c = new float[n];
        for (int i = 0; i < n; i++) {
            b[i] = 1.0f + (i & 1023) * 1e-3f;
            c[i] = 2.0f - (i & 511) * 1e-3f;
        }
        float s = 3.0f;
        Timing.warmUp(() -> triad(a, b, c, s), warmup);
        long[] t = new long[repetitions];
        for (int r = 0; r < repetitions; r++) {
            long t0 = System.nanoTime();
            triad(a, b, c, s);
            t[r] = System.nanoTime() - t0;
        }
        blackhole(a);
        return Timing.of(t);
    }

    static void triad(float[] a, float[] b, float[] c, float s) {
        int n = a.length;
        if (b.length != n || c.length != n) {
            throw new IllegalArgumentException("length mismatch");
        }
        for (int i = 0; i < n; i++) {
            a[i] = b[i] + s * c[i];
        }
    }

    /** Keeps the result observable so the loop cannot be removed. */
    static volatile float sink;

    static void blackhole(float[] a) {
        sink = a[a.length / 2] + a[a.length - 1];
    }
}
