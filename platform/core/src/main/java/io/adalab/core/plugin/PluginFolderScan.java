package io.adalab.core.plugin;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lists the candidate plugin jars of the folders with their fingerprints. */
final class PluginFolderScan {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private PluginFolderScan() {
    }

    /** Every candidate jar, folder by folder in the given order, sorted by name within a folder. */
    static Map<Path, JarFingerprint> list(List<Path> folders) {
        Map<Path, JarFingerprint> out = new LinkedHashMap<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
                ds.forEach(files::add);
            } catch (IOException e) {
                LOG.warn("cannot list plugin folder {}: {}", folder, e.toString());
                continue;
            }
            files.sort(null);
            for (Path f : files) {
                if (!PluginFiles.isCandidate(f)) {
                    continue;
                }
                try {
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                    out.put(f, new JarFingerprint(a.size(), a.lastModifiedTime().toMillis(), a.fileKey()));
                } catch (IOException e) {
                    // vanished between listing and reading: the next scan sees it gone
                }
            }
        }
        return out;
    }
}
