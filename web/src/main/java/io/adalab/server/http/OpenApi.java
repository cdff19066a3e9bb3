package io.adalab.server.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Builds the OpenAPI 3.0 document of {@code /api/v1} from the {@link RouteTable}. */
final class OpenApi {
    private OpenApi() {
    }

    static Map<String, Object> document(RouteTable table, String version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "Adalab API", "version", version,
            "description", "Experiments, runs and their series. Live data: WebSocket " + RouteTable.PREFIX
                + "/live (see web/README.md). Errors are {error, detail, field}."));
        Map<String, Object> paths = new LinkedHashMap<>();
        TreeSet<String> tags = new TreeSet<>();
        for (RouteTable.Doc d : table.docs()) {
            tags.add(d.tag);
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(d.path, k -> new LinkedHashMap<>());
            item.put(d.method, operation(d));
        }
        doc.put("tags", tags.stream().map(t -> Map.of("name", t)).toList());
        doc.put("paths", paths);
        Map<String, Object> schemes = new LinkedHashMap<>();
        schemes.put("token", Map.of("type", "http", "scheme", "bearer",
            "description", "the server's API token; required for state changes when it listens beyond loopback"));
        Map<String, Object> schemas = new LinkedHashMap<>();
        schemas.put("Error", Map.of("type", "object", "required", List.of("error", "detail"), "properties", Map.of(
            "error", Map.of("type", "string", "description", "machine-readable code, e.g. invalid_spec"),
            "detail", Map.of("type", "string", "description", "what went wrong, for people"),
            "field", Map.of("type", "string", "nullable", true, "description", "offending field, e.g. compare[0].lr"),
            "line", Map.of("type", "integer", "description", "line in the submitted spec, when known"))));
        doc.put("components", Map.of("securitySchemes", schemes, "schemas", schemas));
        return doc;
    }

    private static Map<String, Object> operation(RouteTable.Doc d) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("tags", List.of(d.tag));
        op.put("summary", d.summary);
        op.put("operationId", d.method + d.path.replace(RouteTable.PREFIX, "").replaceAll("[^A-Za-z0-9]+", "_"));
        if (!d.params.isEmpty()) {
            op.put("parameters", d.params.stream().map(p -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", p.name());
                m.put("in", p.in());
                m.put("required", p.required());
                m.put("description", p.description());
                m.put("schema", Map.of("type", p.type()));
                return m;
            }).toList());
        }
        if (!d.bodyTypes.isEmpty()) {
            Map<String, Object> content = new LinkedHashMap<>();
            d.bodyTypes.forEach(t -> content.put(t, Map.of("schema", Map.of("type", t.contains("json") ? "object" : "string"))));
            op.put("requestBody", Map.of("required", true, "content", content));
        }
        if (d.needsToken) {
            op.put("security", List.of(Map.of("token", List.of())));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        d.responses.forEach((status, text) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("description", text);
            if (status >= 400) {
                r.put("content", Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Error"))));
            } else if (status != 204) {
                Map<String, Object> content = new LinkedHashMap<>();
                for (String t : d.produces.split(",\\s*")) {
                    content.put(t, Map.of("schema", Map.of("type", t.contains("json") ? "object" : "string")));
                }
                r.put("content", content);
            }
            responses.put(String.valueOf(status), r);
        });
        op.put("responses", responses);
        return op;
    }
}
