package io.vocstream.streams;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * State-store and internal-topic values as Jackson's binary JSON (Smile), without parsing text or printing numbers;
 * Blackbird replaces reflective accessors with generated ones. Records are written as arrays of their components in
 * declaration order rather than as objects: no property names to write and match, a third less time per round trip
 * (JMH, docs/BENCHMARKS.md). A component added at the end of a record reads as null from older values, and values
 * with more elements than a record has components are read without the extra ones. Every state update goes through
 * here, so its cost is per event.
 */
public final class JsonSerde {
    private static final ObjectMapper SMILE = SmileMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new BlackbirdModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                // the output topics keep objects: only this Smile mapper shapes records as arrays
                @Override
                public JsonFormat.Value findFormat(Annotated a) {
                    JsonFormat.Value declared = super.findFormat(a);
                    if (a instanceof AnnotatedClass c && c.getRawType().isRecord()) {
                        return JsonFormat.Value.forShape(JsonFormat.Shape.ARRAY).withOverrides(declared);
                    }
                    return declared;
                }
            })
            .build();

    /** JSON text, for topics that people and other programs read (the {@code alerts} topic). */
    private static final ObjectMapper TEXT = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonSerde() {
    }

    /** Smile: for state stores and internal topics. */
    public static <T> Serde<T> of(Class<T> type) {
        return with(SMILE, "Smile", type);
    }

    /** JSON text: for output topics, whose readers expect JSON. */
    public static <T> Serde<T> text(Class<T> type) {
        return with(TEXT, "JSON", type);
    }

    private static <T> Serde<T> with(ObjectMapper mapper, String format, Class<T> type) {
        return Serdes.serdeFrom((topic, value) -> {
            try {
                return value == null ? null : mapper.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("cannot write a " + type.getSimpleName() + " as " + format, e);
            }
        }, (topic, bytes) -> {
            try {
                return bytes == null ? null : mapper.readValue(bytes, type);
            } catch (IOException e) {
                throw new SerializationException("cannot read a " + type.getSimpleName() + " from " + format, e);
            }
        });
    }
}
