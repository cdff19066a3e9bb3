package io.adalab.api.dl4j;

import io.adalab.api.Vec;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Bulk copies between contiguous off-heap ND4J arrays and heap {@link Vec}s. */
final class NioCopy {
    private NioCopy() {
    }

    static void toHeap(INDArray src, Vec dst, double scale) {
        int n = dst.length();
        check(src, n);
        if (dst instanceof Vec.F32 f) {
            float[] a = f.array();
            FloatBuffer b = src.data().asNioFloat();
            b.position((int) src.offset());
            b.get(a, 0, n);
            if (scale != 1.0) {
                float s = (float) scale;
                for (int i = 0; i < n; i++) {
                    a[i] *= s;
                }
            }
        } else {
            double[] a = ((Vec.F64) dst).array();
            DoubleBuffer b = src.data().asNioDouble();
            b.position((int) src.offset());
            b.get(a, 0, n);
            if (scale != 1.0) {
                for (int i = 0; i < n; i++) {
                    a[i] *= scale;
                }
            }
        }
    }

    /** {@code dst += scale * src}. */
    static void addToHeap(INDArray src, Vec dst, double scale) {
        int n = dst.length();
        check(src, n);
        if (dst instanceof Vec.F32 f) {
            float[] a = f.array();
            FloatBuffer b = src.data().asNioFloat();
            int o = (int) src.offset();
            float s = (float) scale;
            for (int i = 0; i < n; i++) {
                a[i] += s * b.get(o + i);
            }
        } else {
            double[] a = ((Vec.F64) dst).array();
            DoubleBuffer b = src.data().asNioDouble();
            int o = (int) src.offset();
            for (int i = 0; i < n; i++) {
                a[i] += scale * b.get(o + i);
            }
        }
    }

    static void toNative(Vec src, INDArray dst) {
        int n = src.length();
        check(dst, n);
        if (src instanceof Vec.F32 f) {
            FloatBuffer b = dst.data().asNioFloat();
            b.position((int) dst.offset());
            b.put(f.array(), 0, n);
        } else {
            DoubleBuffer b = dst.data().asNioDouble();
            b.position((int) dst.offset());
            b.put(((Vec.F64) src).array(), 0, n);
        }
    }

    private static void check(INDArray a, int n) {
        if (a.length() != n) {
            throw new IllegalStateException("array has " + a.length() + " elements, expected " + n);
        }
        if (a.elementWiseStride() != 1) {
            throw new IllegalStateException("array is not contiguous");
        }
    }
}
