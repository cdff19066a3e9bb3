package io.adalab.plugin.datasets.builtin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs a batch source on a background daemon thread, at most {@code depth} batches ahead, so the
 * trainer does not wait on disk reads and array creation. The producer holds only a weak reference
 * to the iterator it fills: when a consumer abandons an epoch half-way (the trainer's step limit),
 * the iterator becomes garbage and the producer ends; it also ends when the owning dataset closes.
 * An exception in the source is rethrown by the consumer's next {@link #next()}.
 */
final class Prefetcher<T> implements Iterator<T> {
    private static final Object END = new Object();
    private final BlockingQueue<Object> queue;
    private Object head;

    private Prefetcher(int depth) {
        this.queue = new ArrayBlockingQueue<>(depth);
    }

    /**
     * Starts prefetching {@code source}.
     *
     * @param closed true once the dataset is closed; the producer then stops
     */
    static <T> Iterator<T> start(Iterator<T> source, int depth, String name, BooleanSupplier closed) {
        Prefetcher<T> p = new Prefetcher<>(depth);
        BlockingQueue<Object> q = p.queue;
        WeakReference<Prefetcher<T>> consumer = new WeakReference<>(p);
        Thread t = new Thread(() -> produce(source, q, consumer, closed), "adalab-prefetch-" + name);
        t.setDaemon(true);
        t.start();
        return p;
    }

    private static void produce(Iterator<?> source, BlockingQueue<Object> q, WeakReference<?> consumer,
                                BooleanSupplier closed) {
        try {
            while (source.hasNext()) {
                if (!offer(q, source.next(), consumer, closed)) {
                    return;
                }
            }
            offer(q, END, consumer, closed);
        } catch (RuntimeException | Error e) {
            offer(q, new Failure(e), consumer, closed);
        }
    }

    /** Puts {@code item}, waiting while the queue is full; false if nobody will take it any more. */
    private static boolean offer(BlockingQueue<Object> q, Object item, WeakReference<?> consumer, BooleanSupplier closed) {
        try {
            while (!q.offer(item, 50, TimeUnit.MILLISECONDS)) {
                if (consumer.get() == null || closed.getAsBoolean()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override public boolean hasNext() {
        return peek() != END;
    }

    @Override @SuppressWarnings("unchecked")
    public T next() {
        Object o = peek();
        if (o == END) {
            throw new NoSuchElementException();
        }
        head = null;
        return (T) o;
    }

    private Object peek() {
        if (head == null) {
            try {
                head = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the next batch", e);
            }
        }
        if (head instanceof Failure f) {
            Throwable e = f.error();
            if (e instanceof UncheckedIOException u) {
                throw new UncheckedIOException(u.getMessage(), u.getCause());
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) e;
        }
        return head;
    }

    /** An exception of the source, delivered in order. */
    private record Failure(Throwable error) {
    }

    /** Wraps a checked I/O exception of a batch source. */
    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e.getMessage(), e);
    }
}
