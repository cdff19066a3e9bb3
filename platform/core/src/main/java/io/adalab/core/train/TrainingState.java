package io.adalab.core.train;

import io.adalab.api.Buffers;
import io.adalab.api.Vec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a run needs to continue exactly where it stopped, as bytes for the store's
 * {@code checkpoint} table: where it is (step, epoch, batches done in that epoch), the parameters
 * and the optimizer's slots and scalars at their own precision, the divergence limit, the running
 * totals of the final metrics, and, for a run with a schedule, every step's loss so far (a schedule
 * that reacts to the loss, such as plateau, is brought back by replaying them).
 *
 * @param step        optimizer steps taken
 * @param epoch       the epoch in progress (or about to start)
 * @param inEpoch     batches of that epoch already trained on
 * @param wall        seconds the run had trained
 * @param limit       the divergence threshold fixed at the first step (NaN before it)
 * @param progress    running totals: samples, tokens, last loss, epoch loss sum and steps, last epoch's metrics
 * @param losses      loss of every step so far, in order (empty for a run without a schedule)
 * @param params      the parameters
 * @param slots       the optimizer's state vectors
 * @param scalars     the optimizer's scalar state
 */
record TrainingState(long step, int epoch, long inEpoch, double wall, double limit, Totals progress, double[] losses,
                     Vec params, Vec[] slots, double[] scalars) {
    private static final int FORMAT = 1;

    /**
     * The trainer's running totals for the final metrics.
     *
     * @param samples       examples trained on
     * @param tokens        tokens predicted (language models)
     * @param lastLoss      loss of the last step
     * @param epochLossSum  sum of this epoch's step losses
     * @param epochSteps    steps of this epoch
     * @param lastEpoch     metrics of the last finished epoch
     */
    record Totals(long samples, long tokens, double lastLoss, double epochLossSum, long epochSteps, Map<String, Double> lastEpoch) {
    }

    /** A snapshot of {@code buffers} (copied) at this point. */
    static TrainingState capture(long step, int epoch, long inEpoch, double wall, double limit, Totals totals, double[] losses,
                                 Buffers buffers) {
        Vec[] slots = new Vec[buffers.slotCount()];
        for (int k = 0; k < slots.length; k++) {
            slots[k] = buffers.slot(k).copy();
        }
        return new TrainingState(step, epoch, inEpoch, wall, limit, totals, java.util.Arrays.copyOf(losses, (int) Math.min(step, losses.length)),
            buffers.params().copy(), slots, buffers.scalars().clone());
    }

    /** Writes the parameters and optimizer state into freshly allocated {@code buffers}. */
    void restoreInto(Buffers buffers) {
        check(buffers.params(), params, "parameters");
        buffers.params().copyFrom(params);
        if (buffers.slotCount() != slots.length || buffers.scalars().length != scalars.length) {
            throw new IllegalStateException("the optimizer now keeps " + buffers.slotCount() + " state vectors and "
                + buffers.scalars().length + " scalars; the checkpoint has " + slots.length + " and " + scalars.length);
        }
        for (int k = 0; k < slots.length; k++) {
            check(buffers.slot(k), slots[k], "state vector " + k);
            buffers.slot(k).copyFrom(slots[k]);
        }
        System.arraycopy(scalars, 0, buffers.scalars(), 0, scalars.length);
    }

    private static void check(Vec into, Vec from, String what) {
        if (into.length() != from.length() || into.dtype() != from.dtype()) {
            throw new IllegalStateException("the checkpoint's " + what + " (" + from.length() + " " + from.dtype()
                + ") do not fit this run's (" + into.length() + " " + into.dtype() + ")");
        }
    }

    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeLong(step);
            out.writeInt(epoch);
            out.writeLong(inEpoch);
            out.writeDouble(wall);
            out.writeDouble(limit);
            out.writeLong(progress.samples());
            out.writeLong(progress.tokens());
            out.writeDouble(progress.lastLoss());
            out.writeDouble(progress.epochLossSum());
            out.writeLong(progress.epochSteps());
            out.writeInt(progress.lastEpoch().size());
            for (Map.Entry<String, Double> e : progress.lastEpoch().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeDouble(e.getValue() == null ? Double.NaN : e.getValue());
            }
            doubles(out, losses);
            vec(out, params);
            out.writeInt(slots.length);
            for (Vec s : slots) {
                vec(out, s);
            }
            doubles(out, scalars);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static TrainingState fromBytes(byte[] b) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalStateException("checkpoint format " + format + " is not one this version reads (" + FORMAT + ")");
            }
            long step = in.readLong();
            int epoch = in.readInt();
            long inEpoch = in.readLong();
            double wall = in.readDouble();
            double limit = in.readDouble();
            long samples = in.readLong();
            long tokens = in.readLong();
            double lastLoss = in.readDouble();
            double epochLossSum = in.readDouble();
            long epochSteps = in.readLong();
            int metrics = in.readInt();
            Map<String, Double> last = new LinkedHashMap<>();
            for (int i = 0; i < metrics; i++) {
                last.put(in.readUTF(), in.readDouble());
            }
            double[] losses = doubles(in);
            Vec params = vec(in);
            Vec[] slots = new Vec[in.readInt()];
            for (int k = 0; k < slots.length; k++) {
                slots[k] = vec(in);
            }
            double[] scalars = doubles(in);
            return new TrainingState(step, epoch, inEpoch, wall, limit,
                new Totals(samples, tokens, lastLoss, epochLossSum, epochSteps, last), losses, params, slots, scalars);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable checkpoint: " + e, e);
        }
    }

    private static void doubles(DataOutputStream out, double[] v) throws IOException {
        out.writeInt(v.length);
        for (double d : v) {
            out.writeDouble(d);
        }
    }

    private static double[] doubles(DataInputStream in) throws IOException {
        double[] v = new double[in.readInt()];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readDouble();
        }
        return v;
    }

    /** A vector at its own precision, bit for bit (bulk copies: a checkpoint may hold millions of numbers). */
    private static void vec(DataOutputStream out, Vec v) throws IOException {
        int n = v.length();
        out.writeBoolean(v instanceof Vec.F32);
        out.writeInt(n);
        java.nio.ByteBuffer bb;
        if (v instanceof Vec.F32 f) {
            bb = java.nio.ByteBuffer.allocate(4 * n);
            bb.asFloatBuffer().put(f.array(), 0, n);
        } else {
            bb = java.nio.ByteBuffer.allocate(8 * n);
            bb.asDoubleBuffer().put(((Vec.F64) v).array(), 0, n);
        }
        out.write(bb.array());
    }

    private static Vec vec(DataInputStream in) throws IOException {
        boolean single = in.readBoolean();
        int n = in.readInt();
        byte[] raw = new byte[(single ? 4 : 8) * n];
        in.readFully(raw);
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(raw);
        if (single) {
            float[] a = new float[n];
            bb.asFloatBuffer().get(a);
            return Vec.of(a);
        }
        double[] a = new double[n];
        bb.asDoubleBuffer().get(a);
        return Vec.of(a);
    }
}
