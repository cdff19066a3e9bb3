package io.adalab.server.cli;

import io.adalab.api.Component;
import io.adalab.api.Hyperparameter;
import io.adalab.core.Workbench;
import io.adalab.core.plugin.ExtensionKind;
import io.adalab.core.plugin.Registered;
import io.adalab.core.store.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code adalab plugins}: loaded plugins, their extensions, papers and hyperparameter schemas. */
@Command(name = "plugins", description = "List loaded plugins and their extensions with hyperparameter schemas.")
final class PluginsCommand implements Callable<Integer> {
    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Option(names = "--kind", paramLabel = "KIND", description = "only this kind: ${COMPLETION-CANDIDATES}")
    ExtensionKind kind;

    @Option(names = {"-v", "--verbose"}, description = "show every hyperparameter with range and help")
    boolean verbose;

    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Workbench wb = common.open()) {
            List<Map<String, Object>> all = new ArrayList<>();
            for (ExtensionKind k : ExtensionKind.values()) {
                if (kind != null && k != kind) {
                    continue;
                }
                for (Registered<?> r : wb.registry().all(k)) {
                    all.add(describe(r));
                }
            }
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                List<Map<String, Object>> plugins = new ArrayList<>();
                wb.plugins().plugins().forEach(p -> plugins.add(Map.of("id", p.getPluginId(),
                    "version", p.getDescriptor().getVersion(), "state", p.getPluginState().toString(),
                    "path", p.getPluginPath().toString())));
                doc.put("plugins", plugins);
                doc.put("extensions", all);
                doc.put("problems", wb.registry().problems());
                out.println(Json.write(doc));
                return 0;
            }
            out.println("Plugins:");
            wb.plugins().plugins().forEach(p -> out.printf("  %-22s %-16s %s%n", p.getPluginId(), p.getDescriptor().getVersion(),
                p.getDescriptor().getPluginDescription()));
            for (ExtensionKind k : ExtensionKind.values()) {
                if (kind != null && k != kind) {
                    continue;
                }
                List<Registered<?>> list = wb.registry().all(k);
                out.println();
                out.println(capital(k.word()) + "s (" + list.size() + "):");
                for (Registered<?> r : list) {
                    Component c = r.extension();
                    out.printf("  %-18s %-28s [%s %s]%s%n", c.id(), c.displayName(), r.pluginId(), r.pluginVersion(),
                        c.paper().map(p -> "  " + p.citation()).orElse(""));
                    if (verbose) {
                        for (Hyperparameter h : c.schema().entries()) {
                            out.printf("      %-24s %-8s default %-10s %s%s%n", h.name(), h.type().label(),
                                h.defaultValue() == null ? (h.required() ? "required" : "-") : String.valueOf(h.defaultValue()),
                                h.allowed(), h.help().isEmpty() ? "" : " - " + h.help());
                        }
                    } else if (!c.schema().entries().isEmpty()) {
                        StringBuilder s = new StringBuilder();
                        for (Hyperparameter h : c.schema().entries()) {
                            s.append(s.length() == 0 ? "" : ", ").append(h.name()).append('=')
                                .append(h.defaultValue() == null ? (h.required() ? "?" : "-") : h.defaultValue());
                        }
                        out.println("      " + s);
                    }
                }
            }
            if (!wb.registry().problems().isEmpty()) {
                out.println();
                out.println("Problems:");
                wb.registry().problems().forEach(p -> out.println("  " + p));
            }
            return 0;
        }
    }

    static Map<String, Object> describe(Registered<?> r) {
        Component c = r.extension();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("kind", r.kind().word());
        m.put("name", c.displayName());
        m.put("description", c.description());
        m.put("plugin", r.pluginId());
        m.put("version", r.pluginVersion());
        c.paper().ifPresent(p -> m.put("paper", Map.of("citation", p.citation(), "authors", p.authors(), "year", p.year(),
            "title", p.title(), "arxiv", p.arxiv())));
        List<Map<String, Object>> schema = new ArrayList<>();
        for (Hyperparameter h : c.schema().entries()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", h.name());
            e.put("type", h.type().name().toLowerCase(java.util.Locale.ROOT));
            e.put("default", h.defaultValue());
            e.put("required", h.required());
            e.put("min", Double.isInfinite(h.min()) ? null : h.min());
            e.put("min_inclusive", h.minInclusive());
            e.put("max", Double.isInfinite(h.max()) ? null : h.max());
            e.put("max_inclusive", h.maxInclusive());
            e.put("log_scale", h.logScale());
            if (!h.choices().isEmpty()) {
                e.put("choices", h.choices());
            }
            e.put("allowed", h.allowed());
            e.put("help", h.help());
            schema.add(e);
        }
        m.put("hyperparameters", schema);
        return m;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
