package io.adalab.core.plugin;

import static io.adalab.core.plugin.TestPlugins.jar;
import static io.adalab.core.plugin.TestPlugins.mk;
import static io.adalab.core.plugin.TestPlugins.sgd;
import static org.assertj.core.api.Assertions.assertThat;

import io.adalab.api.AdalabApi;
import io.adalab.api.Optimizer;
import io.adalab.testkit.jar.PluginJarBuilder;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginValidationTest {
    @TempDir
    Path dir;

    private PluginHost host(Path... folders) {
        return PluginHost.load(List.of(folders), new PluginRegistry());
    }

    @Test
    void aCorruptFileIsRefusedWithTheReasonAndTheOthersLoad() throws Exception {
        Path plugins = mk(dir.resolve("plugins"));
        Files.write(plugins.resolve("garbage.jar"), new byte[] {1, 2, 3});
        jar(plugins, "good", "1.0.0", "g", sgd("g", "good"));
        try (PluginHost host = host(plugins)) {
            assertThat(host.registry().find(ExtensionKind.OPTIMIZER, "good")).isPresent();
            assertThat(host.registry().problems()).singleElement().asString().contains("garbage.jar").contains("not a readable jar");
            assertThat(host.events()).filteredOn(e -> e.type() == PluginEvent.Type.REFUSED).singleElement()
                .satisfies(e -> assertThat(e.file()).isEqualTo("garbage.jar"));
        }
    }

    @Test
    void eachKindOfBadJarIsRefusedWithItsReason() {
        Path bad = mk(dir.resolve("bad"));
        Path noId = new PluginJarBuilder("x", "1").manifest("Plugin-Id", "").source("n.Opt", sgd("n", "n1")).build(bad);
        Path newer = new PluginJarBuilder("newer", "1.0.0").manifest("Plugin-Requires", ">=99.0.0")
            .source("w.Opt", sgd("w", "w1")).build(bad);
        Path noExt = new PluginJarBuilder("noext", "1.0.0").source("e.Plain", "package e; public class Plain {}").build(bad);
        Path boom = jar(bad, "boom", "1.0.0", "b", sgd("b", "boom").replace("public final class Opt implements Optimizer {",
            "public final class Opt implements Optimizer {\n static { if (Boolean.parseBoolean(\"true\")) throw new IllegalStateException(\"static init\"); }"));
        Path needs = new PluginJarBuilder("needs", "1.0.0").manifest("Plugin-Dependencies", "base")
            .source("d.Opt", sgd("d", "needs")).build(bad);
        try (PluginHost host = host(mk(dir.resolve("empty")))) {
            assertThat(host.validate(noId).reason()).contains("no Plugin-Id");
            assertThat(host.validate(newer).reason()).contains("Plugin-Requires '>=99.0.0'").contains(AdalabApi.VERSION);
            assertThat(host.validate(noExt).reason()).contains("declares no extensions");
            assertThat(host.validate(boom).reason()).contains("extension class b.Opt cannot be created");
            PluginValidation v = host.validate(needs);
            assertThat(v.valid()).isFalse();
            assertThat(v.reason()).contains("needs plugin 'base'");
            assertThat(v.missingDependency()).isTrue();
            assertThat(host.registry().problems()).isEmpty();
        }
    }

    @Test
    void pluginDependenciesAreHonouredInWhateverOrderTheJarsArrive() {
        Path plugins = mk(dir.resolve("p"));
        // "a-user" sorts before "z-base" and depends on it: it must wait for it, not be refused
        new PluginJarBuilder("a-user", "1.0.0").manifest("Plugin-Dependencies", "z-base")
            .source("u.Opt", sgd("u", "user-opt")).build(plugins);
        Path base = jar(mk(dir.resolve("later")), "z-base", "1.0.0", "z", sgd("z", "base-opt"));
        try (PluginHost host = host(plugins)) {
            assertThat(host.registry().find(ExtensionKind.OPTIMIZER, "user-opt")).isEmpty();
            assertThat(host.registry().problems()).singleElement().asString().contains("needs plugin 'z-base'");
            TestPlugins.drop(base, plugins, "z-base.jar");
            host.rescan();
            assertThat(host.registry().find(ExtensionKind.OPTIMIZER, "user-opt")).isPresent();
            assertThat(host.registry().find(ExtensionKind.OPTIMIZER, "base-opt")).isPresent();
            assertThat(host.registry().problems()).isEmpty();
        }
    }

    @Test
    void aPluginThatWronglyBundlesTheAdalabApiStillWorks() throws Exception {
        Path plugins = mk(dir.resolve("p"));
        // the API's classes only (its jar also has a manifest and an extensions.idx of its own)
        Path apiClasses = mk(dir.resolve("api-classes"));
        Path api = Path.of(AdalabApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        FileSystem zip = Files.isDirectory(api) ? null : FileSystems.newFileSystem(URI.create("jar:" + api.toUri()), Map.of());
        try {
            Path root = zip == null ? api : zip.getPath("/");
            try (var walk = Files.walk(root.resolve("io/adalab/api"))) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    Path to = apiClasses.resolve(root.relativize(p).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(p, to);
                }
            }
        } finally {
            if (zip != null) {
                zip.close();
            }
        }
        Path jar = new PluginJarBuilder("bundler", "1.0.0").source("bu.Opt", sgd("bu", "bundled")).bundle(apiClasses).build(plugins);
        try (java.util.jar.JarFile jf = new java.util.jar.JarFile(jar.toFile())) {
            assertThat(jf.getEntry("io/adalab/api/Optimizer.class")).isNotNull();
        }
        try (PluginHost host = host(plugins)) {
            Optimizer o = host.registry().<Optimizer>extension(ExtensionKind.OPTIMIZER, "bundled").orElseThrow();
            assertThat(o.getClass().getClassLoader()).isInstanceOf(ParentFirstClassLoader.class);
            assertThat(Optimizer.class.isInstance(o)).isTrue(); // the host's interface, not the bundled copy
            assertThat(host.registry().problems()).isEmpty();
        }
    }

    @Test
    void installSanitisesTheNameValidatesFirstAndRefusesATakenId() throws Exception {
        Path user = mk(dir.resolve("user"));
        Path uploads = mk(dir.resolve("uploads"));
        Path good = jar(uploads, "uploaded", "1.0.0", "up", sgd("up", "uploaded-opt"));
        Files.write(uploads.resolve("junk.jar"), new byte[] {'P', 'K', 0});
        try (PluginHost host = host(user)) {
            InstallResult bad = host.install(uploads.resolve("junk.jar"), "junk.jar", false);
            assertThat(bad.installed()).isFalse();
            assertThat(bad.reason()).contains("not a readable jar");
            try (var files = Files.list(user)) {
                assertThat(files).isEmpty(); // nothing changed
            }

            InstallResult ok = host.install(good, "../../etc/evil name.jar", false);
            assertThat(ok.installed()).as(ok.reason()).isTrue();
            assertThat(ok.file()).isEqualTo("evil_name.jar");
            assertThat(Files.exists(user.resolve("evil_name.jar"))).isTrue();
            assertThat(ok.extensions()).containsExactly("optimizer:uploaded-opt");
            assertThat(host.registry().find(ExtensionKind.OPTIMIZER, "uploaded-opt")).isPresent();

            Path v2 = new PluginJarBuilder("uploaded", "2.0.0").source("up.Opt", sgd("up", "uploaded-opt")).build(mk(dir.resolve("v2")));
            assertThat(host.install(v2, "uploaded-2.0.0.jar", false).reason()).contains("already loaded from evil_name.jar");
            InstallResult replaced = host.install(v2, "uploaded-2.0.0.jar", true);
            assertThat(replaced.installed()).as(replaced.reason()).isTrue();
            assertThat(replaced.replaced()).isTrue();
            assertThat(host.registry().find(ExtensionKind.OPTIMIZER, "uploaded-opt").orElseThrow().pluginVersion()).isEqualTo("2.0.0");
            try (var files = Files.list(user)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("uploaded-2.0.0.jar");
            }
        }
    }

    @Test
    void installRefusesAnExtensionIdAnotherPluginProvides() {
        Path user = mk(dir.resolve("user"));
        jar(user, "first", "1.0.0", "f", sgd("f", "same"));
        Path second = jar(mk(dir.resolve("up")), "second", "1.0.0", "s", sgd("s", "same"));
        try (PluginHost host = host(user)) {
            InstallResult r = host.install(second, null, false);
            assertThat(r.installed()).isFalse();
            assertThat(r.reason()).contains("optimizer id 'same' is already provided by plugin first");
            assertThat(host.registry().problems()).isEmpty();
        }
    }

    @Test
    void uploadedFileNamesAreSanitised() {
        assertThat(PluginFiles.safeJarName("../../x.jar")).contains("x.jar");
        assertThat(PluginFiles.safeJarName("C:\\Users\\me\\my plugin.jar")).contains("my_plugin.jar");
        assertThat(PluginFiles.safeJarName(".hidden.jar")).contains("hidden.jar");
        assertThat(PluginFiles.safeJarName("..")).isEmpty();
        assertThat(PluginFiles.safeJarName("x.zip")).isEmpty();
        assertThat(PluginFiles.safeJarName(".jar")).isEmpty();
        assertThat(PluginFiles.safeJarName("é😀.jar")).contains("___.jar");
        assertThat(PluginFiles.safeJarName(null)).isEmpty();
    }
}
