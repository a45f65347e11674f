package io.vocstream.schemas.serde;

import io.vocstream.schemas.EventTopic;
import java.time.Instant;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Events of each input topic's type, filled field by field from the generated class's schema, so that a field
 * added to a schema later is covered without touching the tests. Values are recognisable (a string field holds
 * {@code <field>-value}) and never the field's default, so that a value lost on the way cannot pass unnoticed.
 */
final class EventSamples {
    static final Instant TIME = Instant.ofEpochMilli(1_700_000_123_456L);

    private EventSamples() {
    }

    /** An event with every field set, optional ones included. */
    static SpecificRecord withEveryField(EventTopic topic) {
        return record(topic.recordClass(), topic.schema(), true);
    }

    /** An event with the required fields set and every optional (nullable) field null. */
    static SpecificRecord withRequiredFieldsOnly(EventTopic topic) {
        return record(topic.recordClass(), topic.schema(), false);
    }

    private static SpecificRecord record(Class<?> type, Schema schema, boolean setOptional) {
        SpecificRecord record = (SpecificRecord) SpecificData.newInstance(type, schema);
        for (Schema.Field field : schema.getFields()) {
            record.put(field.pos(), value(field.schema(), field.name(), setOptional));
        }
        return record;
    }

    private static Object value(Schema schema, String name, boolean setOptional) {
        return switch (schema.getType()) {
            case UNION -> setOptional ? value(nonNullBranch(schema), name, true) : null;
            case STRING -> name + "-value";
            case INT -> 7;
            case LONG -> schema.getLogicalType() instanceof LogicalTypes.TimestampMillis ? TIME : 42L;
            case DOUBLE -> 2.5;
            case BOOLEAN -> true;
            // The second symbol: the first is often the default.
            case ENUM -> enumConstant(schema, schema.getEnumSymbols().get(1));
            case ARRAY -> List.of(value(schema.getElementType(), name, setOptional),
                    value(schema.getElementType(), name, setOptional));
            case RECORD -> record(generatedClass(schema), schema, setOptional);
            default -> throw new IllegalArgumentException("no sample value for " + schema + " of field " + name);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Schema schema, String symbol) {
        return Enum.valueOf((Class) generatedClass(schema), symbol);
    }

    private static Class<?> generatedClass(Schema schema) {
        try {
            return Class.forName(schema.getFullName());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no generated class for " + schema.getFullName(), e);
        }
    }

    private static Schema nonNullBranch(Schema union) {
        return union.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow();
    }
}
