package io.adalab.testkit.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the JSON of a case's hyperparameters into the plain values a schema resolves. */
final class JsonValues {
    private JsonValues() {
    }

    /**
     * The optimizer block's hyperparameters: JSON {@code null} is left out (the default applies),
     * except {@code growth_rate}, where null means +Infinity; a nested {@code inner_optimizer}
     * becomes the key {@code inner} = {@code {optimizer: name, ...hyperparameters}}.
     */
    static Map<String, Object> optimizerHyperparameters(JsonNode optimizer) {
        Map<String, Object> out = hyperparameters(optimizer.path("hyperparameters"));
        JsonNode inner = optimizer.path("inner_optimizer");
        if (inner.isObject()) {
            Map<String, Object> nested = new LinkedHashMap<>();
            nested.put("optimizer", inner.path("name").asText());
            nested.putAll(hyperparameters(inner.path("hyperparameters")));
            out.put("inner", nested);
        }
        return out;
    }

    /** An object of hyperparameters with nulls handled as in {@link #optimizerHyperparameters}. */
    static Map<String, Object> hyperparameters(JsonNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                if (e.getKey().equals("growth_rate")) {
                    out.put(e.getKey(), Double.POSITIVE_INFINITY);
                }
            } else {
                out.put(e.getKey(), value(e.getValue()));
            }
        }
        return out;
    }

    /** Integers become {@code Long}, other numbers {@code Double}; arrays lists, objects maps. */
    static Object value(JsonNode n) {
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            n.forEach(x -> out.add(value(x)));
            return out;
        }
        if (n.isObject()) {
            return hyperparameters(n);
        }
        return null;
    }
}
