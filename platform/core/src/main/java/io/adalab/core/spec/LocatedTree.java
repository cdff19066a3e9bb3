package io.adalab.core.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML or JSON document as plain Java values (maps, lists, strings, numbers, booleans) plus the
 * source line of every path, so validation errors can point at the line.
 *
 * @param root  the parsed document
 * @param lines path ({@code compare[1].lr}) to 1-based line
 */
public record LocatedTree(Object root, Map<String, Integer> lines) {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonFactory JSON = new JsonFactory();

    /** Parses YAML (JSON is YAML too, but pass {@code json=true} for exact JSON number handling). */
    public static LocatedTree parse(String text, boolean json) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = (json ? JSON : YAML).createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new SpecException("", 1, "the document is empty");
            }
            Object root = read(p, "", lines);
            return new LocatedTree(root, lines);
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                ? j.getLocation().getLineNr() : 0;
            throw new SpecException("", Math.max(line, 0), "malformed " + (json ? "JSON" : "YAML") + ": " + msg);
        }
    }

    /** Line of {@code path}, or of its closest ancestor, or 0. */
    public int lineOf(String path) {
        String p = path;
        while (true) {
            Integer l = lines.get(p);
            if (l != null) {
                return l;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return lines.getOrDefault("", 0);
            }
            p = p.substring(0, cut);
        }
    }

    private static Object read(JsonParser p, String path, Map<String, Integer> lines) throws IOException {
        lines.putIfAbsent(path, p.currentTokenLocation().getLineNr());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String key = p.currentName();
                    String child = path.isEmpty() ? key : path + "." + key;
                    int line = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    lines.put(child, line);
                    if (m.containsKey(key)) {
                        throw new SpecException(child, line, "duplicate key '" + key + "'");
                    }
                    m.put(key, read(p, child, lines));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(read(p, path + "[" + i++ + "]", lines));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberValue() instanceof Integer i ? Long.valueOf(i) : p.getNumberValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new SpecException(path, p.currentTokenLocation().getLineNr(), "unexpected " + t);
        }
    }
}
