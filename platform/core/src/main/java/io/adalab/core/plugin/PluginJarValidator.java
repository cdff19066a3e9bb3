package io.adalab.core.plugin;

import io.adalab.api.AdalabApi;
import io.adalab.api.Component;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/**
 * Checks a plugin jar without loading it into the host: readable jar, PF4J descriptor, API version,
 * dependencies, and every class in {@code META-INF/extensions.idx} loaded (in a throw-away class
 * loader) and instantiated. Creating the extension objects runs the plugin's constructors; that is
 * the same code loading would run a moment later.
 */
final class PluginJarValidator {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String INDEX = "META-INF/extensions.idx";
    private final PluginManager manager;

    PluginJarValidator(PluginManager manager) {
        this.manager = manager;
    }

    PluginValidation validate(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return PluginValidation.refused("no such file: " + jar.getFileName());
        }
        List<String> index;
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest mf = jf.getManifest();
            String id = mf == null ? null : mf.getMainAttributes().getValue(ManifestPluginDescriptorFinder.PLUGIN_ID);
            if (id == null || id.isBlank()) {
                return PluginValidation.refused("not a plugin: META-INF/MANIFEST.MF has no Plugin-Id");
            }
            index = readIndex(jf);
        } catch (IOException | RuntimeException e) {
            return PluginValidation.refused("not a readable jar: " + e.getMessage());
        }
        PluginDescriptor d;
        try {
            d = new ManifestPluginDescriptorFinder().find(jar);
        } catch (RuntimeException e) {
            return PluginValidation.refused("unreadable plugin descriptor: " + e.getMessage());
        }
        String id = d.getPluginId();
        String version = d.getVersion() == null ? "" : d.getVersion();
        if (!ID.matcher(id).matches()) {
            return PluginValidation.refused(id, version, "Plugin-Id '" + id + "' must be letters, digits, '.', '-' or '_' (at most 64)");
        }
        if (version.isBlank()) {
            return PluginValidation.refused(id, version, "not a plugin: META-INF/MANIFEST.MF has no Plugin-Version");
        }
        String requires = requires(d);
        if (requires != null) {
            return PluginValidation.refused(id, version, requires);
        }
        for (PluginDependency dep : d.getDependencies()) {
            String problem = dependency(dep);
            if (problem != null) {
                return new PluginValidation(false, id, version, List.of(), problem, true);
            }
        }
        if (index.isEmpty()) {
            return PluginValidation.refused(id, version, "declares no extensions: " + INDEX
                + " is missing or empty (is PF4J's annotation processor on the compiler's annotationProcessorPaths?)");
        }
        return extensions(jar, d, index);
    }

    private String requires(PluginDescriptor d) {
        String requires = d.getRequires() == null ? "" : d.getRequires().trim();
        if (requires.isEmpty() || requires.equals("*")) {
            return null;
        }
        String expr = requires.matches("^\\d+\\.\\d+\\.\\d+$") ? ">=" + requires : requires;
        try {
            if (manager.getVersionManager().checkVersionConstraint(AdalabApi.VERSION, expr)) {
                return null;
            }
        } catch (RuntimeException e) {
            return "Plugin-Requires '" + requires + "' is not a version constraint: " + e.getMessage();
        }
        return "Plugin-Requires '" + requires + "' is not satisfied by the Adalab API " + AdalabApi.VERSION;
    }

    private String dependency(PluginDependency dep) {
        if (dep.isOptional()) {
            return null;
        }
        PluginWrapper w = manager.getPlugin(dep.getPluginId());
        if (w == null) {
            return "needs plugin '" + dep.getPluginId() + "' (Plugin-Dependencies), which is not loaded";
        }
        String wanted = dep.getPluginVersionSupport();
        if (wanted != null && !wanted.equals("*") && !wanted.isBlank()
            && !manager.getVersionManager().checkVersionConstraint(w.getDescriptor().getVersion(), wanted)) {
            return "needs plugin '" + dep.getPluginId() + "' " + wanted + " (Plugin-Dependencies); version "
                + w.getDescriptor().getVersion() + " is loaded";
        }
        return null;
    }

    private PluginValidation extensions(Path jar, PluginDescriptor d, List<String> index) {
        ParentFirstClassLoader loader = new ParentFirstClassLoader(manager, d, PluginJarValidator.class.getClassLoader());
        try {
            loader.addFile(jar.toFile());
            List<String> out = new ArrayList<>();
            for (String name : index) {
                Class<?> c;
                try {
                    c = Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    return PluginValidation.refused(d.getPluginId(), d.getVersion(), "extension class " + name
                        + " cannot be loaded: " + e);
                }
                ExtensionKind kind = kindOf(c);
                if (kind == null) {
                    continue; // an extension point of another plugin (Plugin-Dependencies); PF4J handles it
                }
                try {
                    Component comp = (Component) c.getConstructor().newInstance();
                    out.add(kind.word() + ":" + comp.id());
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    Throwable t = e;
                    while ((t instanceof java.lang.reflect.InvocationTargetException || t instanceof ExceptionInInitializerError)
                        && t.getCause() != null) {
                        t = t.getCause();
                    }
                    return PluginValidation.refused(d.getPluginId(), d.getVersion(), "extension class " + name
                        + " cannot be created (needs a public no-argument constructor): " + t);
                }
            }
            if (out.isEmpty()) {
                return PluginValidation.refused(d.getPluginId(), d.getVersion(),
                    "none of its extensions implements an Adalab extension point (Optimizer, LearningRateSchedule, "
                        + "ModelFactory, DatasetProvider, Objective)");
            }
            return new PluginValidation(true, d.getPluginId(), d.getVersion(), out, "", false);
        } finally {
            loader.closeNow();
        }
    }

    static ExtensionKind kindOf(Class<?> c) {
        for (ExtensionKind k : ExtensionKind.values()) {
            if (k.type().isAssignableFrom(c)) {
                return k;
            }
        }
        return null;
    }

    private static List<String> readIndex(JarFile jf) throws IOException {
        JarEntry e = jf.getJarEntry(INDEX);
        List<String> out = new ArrayList<>();
        if (e == null) {
            return out;
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(jf.getInputStream(e), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
