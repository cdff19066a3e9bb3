package io.adalab.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON for stored documents; NaN and infinities become null (JSON has no such numbers). */
public final class Json {
    /** Shared mapper (thread-safe once configured). */
    public static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    /** Serialises {@code value}, replacing non-finite doubles with null. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(clean(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a JSON object (null text gives an empty map). */
    public static Map<String, Object> readMap(String text) {
        if (text == null) {
            return new LinkedHashMap<>();
        }
        try {
            return MAPPER.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a JSON array of strings. */
    public static List<String> readStrings(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return MAPPER.readValue(text, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deep copy with non-finite doubles replaced by null. */
    public static Object clean(Object v) {
        if (v instanceof Double d && !Double.isFinite(d)) {
            return null;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, clean(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Json::clean).toList();
        }
        if (v instanceof double[] a) {
            return java.util.Arrays.stream(a).mapToObj(x -> Double.isFinite(x) ? (Object) x : null).toList();
        }
        if (v instanceof Object[] a) {
            return java.util.Arrays.stream(a).map(Json::clean).toList();
        }
        return v;
    }
}
