package io.adalab.server.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Samples heap use and ND4J's off-heap allocations (its memory manager's count) every few
 * milliseconds while a benchmark round runs, and keeps the peaks. Sampling misses spikes shorter
 * than the period; it is a comparison between two trainers in one JVM, not an audit.
 */
final class PeakMemory implements AutoCloseable {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private volatile boolean stop;
    private volatile long heap;
    private volatile long offHeap;

    PeakMemory() {
        System.gc(); // start each round from the same floor
        sampler = new Thread(() -> {
            while (!stop) {
                heap = Math.max(heap, MEMORY.getHeapMemoryUsage().getUsed());
                offHeap = Math.max(offHeap, Nd4j.getMemoryManager().allocatedMemory(0));
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "adalab-bench-memory");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Peak heap in use, MiB. */
    double heapMiB() {
        return heap / (1024.0 * 1024);
    }

    /** Peak off-heap bytes ND4J reports allocated, MiB. */
    double offHeapMiB() {
        return offHeap / (1024.0 * 1024);
    }

    @Override public void close() {
        stop = true;
        try {
            sampler.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
