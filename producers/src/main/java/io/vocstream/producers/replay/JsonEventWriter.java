package io.vocstream.producers.replay;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Writes events in the replay format that {@link JsonEventMapper} reads: enum symbols as strings, timestamps as
 * ISO-8601 strings, null fields left out, union values written plainly.
 */
final class JsonEventWriter {
    private JsonEventWriter() {
    }

    static void write(IndexedRecord record, JsonGenerator json) throws IOException {
        json.writeStartObject();
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            if (value != null) {
                json.writeFieldName(field.name());
                value(field.schema(), value, json);
            }
        }
        json.writeEndObject();
    }

    private static void value(Schema schema, Object value, JsonGenerator json) throws IOException {
        switch (schema.getType()) {
            case UNION -> value(schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL)
                    .findFirst().orElseThrow(), value, json);
            case RECORD -> write((IndexedRecord) value, json);
            case ARRAY -> {
                json.writeStartArray();
                for (Object item : (List<?>) value) {
                    value(schema.getElementType(), item, json);
                }
                json.writeEndArray();
            }
            case LONG -> {
                if (value instanceof Instant instant) {
                    json.writeString(instant.toString());
                } else {
                    json.writeNumber((Long) value);
                }
            }
            case INT -> json.writeNumber((Integer) value);
            case DOUBLE -> json.writeNumber((Double) value);
            case FLOAT -> json.writeNumber((Float) value);
            case BOOLEAN -> json.writeBoolean((Boolean) value);
            case STRING, ENUM -> json.writeString(value.toString());
            default -> throw new IllegalArgumentException("the replay format has no notation for Avro type "
                    + schema.getType());
        }
    }
}
