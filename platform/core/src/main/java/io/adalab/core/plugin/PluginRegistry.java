package io.adalab.core.plugin;

import io.adalab.api.Component;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * All extensions known to this process, by kind and id. Filled by {@link PluginHost} from plugin
 * jars; tests may register extensions directly. Ids are unique per kind: a second extension with
 * a taken id is refused with a recorded problem and the first keeps working.
 */
public final class PluginRegistry {
    private final Map<ExtensionKind, Map<String, Registered<?>>> byKind = new EnumMap<>(ExtensionKind.class);
    private final List<Problem> problems = new CopyOnWriteArrayList<>();

    /** A recorded problem; {@code source} says what it is about ({@code plugin:<id>}, {@code file:<path>}) so it can be cleared. */
    private record Problem(String source, String message) {
    }

    public PluginRegistry() {
        for (ExtensionKind k : ExtensionKind.values()) {
            byKind.put(k, new TreeMap<>());
        }
    }

    /** Registers an extension contributed by {@code pluginId}; returns false (and records why) on an id conflict. */
    public synchronized boolean register(ExtensionKind kind, Component extension, String pluginId, String pluginVersion) {
        if (!kind.type().isInstance(extension)) {
            throw new IllegalArgumentException(extension.getClass() + " is not a " + kind.word());
        }
        Map<String, Registered<?>> m = byKind.get(kind);
        Registered<?> existing = m.get(extension.id());
        if (existing != null) {
            problems.add(new Problem("plugin:" + pluginId, kind.word() + " id '" + extension.id() + "' from plugin " + pluginId
                + " conflicts with plugin " + existing.pluginId() + "; keeping " + existing.pluginId()));
            return false;
        }
        m.put(extension.id(), new Registered<>(extension, kind, pluginId, pluginVersion));
        return true;
    }

    /** Registers an extension from code (tests, embedding), attributed to plugin {@code "builtin"}. */
    public boolean register(ExtensionKind kind, Component extension) {
        return register(kind, extension, "builtin", "0");
    }

    /** Removes every extension contributed by {@code pluginId}, and the id conflicts it caused. */
    public synchronized void unregisterPlugin(String pluginId) {
        byKind.values().forEach(m -> m.values().removeIf(r -> r.pluginId().equals(pluginId)));
        clearProblems("plugin:" + pluginId);
    }

    /**
     * Swaps the extensions of {@code pluginId} for {@code extensions} in one step, so a listing or a
     * planner never sees the plugin half replaced. Returns the {@code kind:id} of those registered
     * (a conflicting id is refused and recorded, as in {@link #register}).
     */
    public synchronized List<String> replacePlugin(String pluginId, String pluginVersion,
                                                   List<Map.Entry<ExtensionKind, Component>> extensions) {
        unregisterPlugin(pluginId);
        List<String> out = new ArrayList<>();
        for (Map.Entry<ExtensionKind, Component> e : extensions) {
            if (register(e.getKey(), e.getValue(), pluginId, pluginVersion)) {
                out.add(e.getKey().word() + ":" + e.getValue().id());
            }
        }
        return out;
    }

    /** The extension of {@code kind} with {@code id}. */
    @SuppressWarnings("unchecked")
    public synchronized <T extends Component> Optional<Registered<T>> find(ExtensionKind kind, String id) {
        return Optional.ofNullable((Registered<T>) byKind.get(kind).get(id));
    }

    /** The extension object of {@code kind} with {@code id}. */
    public <T extends Component> Optional<T> extension(ExtensionKind kind, String id) {
        return this.<T>find(kind, id).map(Registered::extension);
    }

    /** All extensions of a kind, sorted by id. */
    public synchronized List<Registered<?>> all(ExtensionKind kind) {
        return new ArrayList<>(byKind.get(kind).values());
    }

    /** Ids of a kind, sorted. */
    public synchronized List<String> ids(ExtensionKind kind) {
        return new ArrayList<>(byKind.get(kind).keySet());
    }

    /** Problems met while registering (id conflicts) or loading plugins that still apply. */
    public List<String> problems() {
        return problems.stream().map(Problem::message).toList();
    }

    /** Records a loading problem (bad jar, failed plugin). */
    public void addProblem(String problem) {
        addProblem("", problem);
    }

    /** Records a problem about {@code source} (e.g. {@code file:/data/plugins/x.jar}), replacing earlier ones about it. */
    public void addProblem(String source, String problem) {
        if (!source.isEmpty()) {
            clearProblems(source);
        }
        problems.add(new Problem(source, problem));
    }

    /** Forgets the problems about {@code source} (the jar was fixed, removed or unloaded). */
    public void clearProblems(String source) {
        problems.removeIf(p -> p.source().equals(source));
    }
}
