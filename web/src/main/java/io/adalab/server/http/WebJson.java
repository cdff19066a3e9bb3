package io.adalab.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The server's JSON: NaN and infinities become {@code null} (JSON has no such numbers and browsers
 * refuse to parse them), everywhere, including inside {@code double[]}.
 */
public final class WebJson {
    /** Shared, thread-safe once built. */
    public static final ObjectMapper MAPPER = build();

    private WebJson() {
    }

    /** Serialises {@code value}. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectMapper build() {
        SimpleModule m = new SimpleModule("adalab-finite");
        m.addSerializer(Double.class, new FiniteDouble());
        m.addSerializer(double.class, new FiniteDouble());
        m.addSerializer(double[].class, new FiniteDoubleArray());
        return new ObjectMapper().registerModule(m).disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    private static final class FiniteDouble extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;

        FiniteDouble() {
            super(Double.class);
        }

        @Override public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
            if (v == null || !Double.isFinite(v)) {
                g.writeNull();
            } else {
                g.writeNumber(v);
            }
        }
    }

    private static final class FiniteDoubleArray extends StdSerializer<double[]> {
        private static final long serialVersionUID = 1L;

        FiniteDoubleArray() {
            super(double[].class);
        }

        @Override public void serialize(double[] a, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartArray(a, a.length);
            for (double v : a) {
                if (Double.isFinite(v)) {
                    g.writeNumber(v);
                } else {
                    g.writeNull();
                }
            }
            g.writeEndArray();
        }
    }
}
