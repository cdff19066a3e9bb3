package io.adalab.core.plugin;

import io.adalab.testkit.jar.PluginJarBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Sources of deliberately good and bad optimizer plugins, built into real jars in temp dirs. */
final class TestPlugins {
    private TestPlugins() {
    }

    /** An optimizer {@code id} in package {@code pkg} whose step runs {@code body} (variables: b, ctx, p, g). */
    static String optimizer(String pkg, String id, String body) {
        return """
            package %s;
            import io.adalab.api.*;
            @org.pf4j.Extension
            public final class Opt implements Optimizer {
                public String id() { return "%s"; }
                public String displayName() { return "%s"; }
                public HyperparameterSchema schema() { return HyperparameterSchema.builder().real("lr", 0.1).positive().build(); }
                public UpdateRule create(Hyperparameters h) {
                    return UpdateRule.of(0, (b, ctx) -> {
                        Vec p = b.params();
                        Vec g = b.grad();
                        %s
                    });
                }
            }
            """.formatted(pkg, id, id, body);
    }

    /** Plain SGD. */
    static String sgd(String pkg, String id) {
        return optimizer(pkg, id, "for (int i = 0; i < p.length(); i++) { p.set(i, p.get(i) - ctx.learningRate() * g.get(i)); }");
    }

    /** Sets every parameter to {@code value} after waiting while system property {@code gate} is "closed". */
    static String gated(String pkg, String id, double value, String gate) {
        return optimizer(pkg, id, """
            while ("closed".equals(System.getProperty("%s"))) {
                try { Thread.sleep(5); } catch (InterruptedException e) { Thread.currentThread().interrupt(); return; }
            }
            p.fill(%s);
            """.formatted(gate, value));
    }

    /** A jar of one optimizer in {@code dir}. */
    static Path jar(Path dir, String pluginId, String version, String pkg, String source) {
        return new PluginJarBuilder(pluginId, version).source(pkg + ".Opt", source).build(mk(dir));
    }

    /** Copies {@code jar} into {@code folder} as {@code name} the way a user would: written in place. */
    static Path drop(Path jar, Path folder, String name) {
        try {
            return Files.copy(jar, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path mk(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code condition} holds, at most {@code limit} (a bound for the watcher, not a timing claim). */
    static boolean await(BooleanSupplier condition, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
