package io.adalab.core.plugin;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that keeps the plugin host in line with its folders. A file-system event wakes it at
 * once; it also rescans every second regardless, because change notification does not reach
 * every file system (bind mounts, network shares) and a folder may appear after start-up. While a
 * file is still settling (being copied), it looks again after 200 ms.
 */
final class PluginFolderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginFolderWatcher.class);
    private static final long IDLE_MS = 1000;
    private static final long SETTLING_MS = 200;
    private final List<Path> folders;
    private final BooleanSupplier rescan;
    private final Thread thread;
    private volatile boolean stopped;
    private WatchService service;

    /** @param rescan applies changes; returns whether a file is still settling */
    PluginFolderWatcher(List<Path> folders, BooleanSupplier rescan) {
        this.folders = folders;
        this.rescan = rescan;
        this.thread = new Thread(this::loop, "adalab-plugin-watcher");
        this.thread.setDaemon(true);
    }

    void start() {
        try {
            service = FileSystems.getDefault().newWatchService();
            for (Path f : folders) {
                if (Files.isDirectory(f)) {
                    f.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.info("no file-system notifications for plugin folders ({}); polling every {} ms", e.toString(), IDLE_MS);
        }
        thread.start();
    }

    private void loop() {
        boolean settling = false;
        while (!stopped) {
            try {
                waitForChange(settling ? SETTLING_MS : IDLE_MS);
                if (!stopped) {
                    settling = rescan.getAsBoolean();
                }
            } catch (InterruptedException e) {
                return;
            } catch (ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("plugin folder scan failed; trying again", e);
            }
        }
    }

    private void waitForChange(long ms) throws InterruptedException {
        if (service == null) {
            Thread.sleep(ms);
            return;
        }
        WatchKey key = service.poll(ms, TimeUnit.MILLISECONDS);
        while (key != null) {
            key.pollEvents();
            key.reset();
            key = service.poll();
        }
    }

    @Override public void close() {
        stopped = true; // no interrupt: it could land in a copy and close its channel mid-scan
        try {
            if (service != null) {
                service.close();
            }
            thread.join(5000);
        } catch (IOException e) {
            LOG.debug("closing the watch service: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
