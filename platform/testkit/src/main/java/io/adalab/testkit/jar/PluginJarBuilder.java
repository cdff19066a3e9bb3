package io.adalab.testkit.jar;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a real PF4J plugin jar from Java sources at test time: compiles them against the current
 * class path (PF4J's annotation processor writes {@code META-INF/extensions.idx}) and writes the
 * manifest entries a plugin needs. For tests of plugin loading, isolation and hot reload.
 *
 * <pre>{@code
 * Path jar = new PluginJarBuilder("my-plugin", "1.0.0")
 *     .source("demo.MyOptimizer", "package demo; ... @org.pf4j.Extension public class MyOptimizer implements Optimizer { ... }")
 *     .build(tempDir);
 * }</pre>
 */
public final class PluginJarBuilder {
    private final String id;
    private final String version;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> manifest = new LinkedHashMap<>();
    private final List<Path> bundledClasses = new ArrayList<>();

    public PluginJarBuilder(String id, String version) {
        this.id = id;
        this.version = version;
        manifest.put("Plugin-Id", id);
        manifest.put("Plugin-Version", version);
        manifest.put("Plugin-Provider", "test");
    }

    /** Adds a source file for class {@code className}. */
    public PluginJarBuilder source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** Adds every {@code .java} file under a source root (e.g. a plugin module's src/main/java). */
    public PluginJarBuilder sourcesFrom(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java")).sorted().toList()) {
                source(root.relativize(f).toString().replace('\\', '/').replace('/', '.').replaceAll("\\.java$", ""), Files.readString(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Sets a manifest attribute ({@code Plugin-Requires}, {@code Plugin-Dependencies}, ...). */
    public PluginJarBuilder manifest(String key, String value) {
        manifest.put(key, value);
        return this;
    }

    /** Also copies the classes of a folder or jar into the plugin (to simulate a plugin that bundles a library). */
    public PluginJarBuilder bundle(Path classesRoot) {
        bundledClasses.add(classesRoot);
        return this;
    }

    /** Compiles and writes {@code <dir>/<id>-<version>.jar}; returns its path. */
    public Path build(Path dir) {
        try {
            Path work = Files.createTempDirectory("adalab-plugin-build-" + id);
            Path src = work.resolve("src");
            Path classes = work.resolve("classes");
            Files.createDirectories(classes);
            List<String> files = new ArrayList<>();
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue());
                files.add(f.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), "--release", "17"));
            args.addAll(files);
            int rc = javac.run(null, null, null, args.toArray(String[]::new));
            if (rc != 0) {
                throw new IllegalStateException("compiling plugin " + id + " failed (exit " + rc + ")");
            }
            Path jar = dir.resolve(id + "-" + version + ".jar");
            Manifest mf = new Manifest();
            mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out, mf)) {
                add(jos, classes);
                for (Path b : bundledClasses) {
                    add(jos, b);
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(JarOutputStream jos, Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                if (Files.isRegularFile(p)) {
                    String name = root.relativize(p).toString().replace('\\', '/');
                    if (name.equals("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    jos.putNextEntry(new JarEntry(name));
                    Files.copy(p, jos);
                    jos.closeEntry();
                }
            }
        }
    }
}
