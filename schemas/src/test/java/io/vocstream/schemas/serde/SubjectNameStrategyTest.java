package io.vocstream.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.schemas.registry.InMemorySchemaRegistryClient;
import io.vocstream.schemas.registry.SchemaRegistryException;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which subject a serializer registers under, as configured by the subject name strategy settings. */
class SubjectNameStrategyTest {
    private static final Schema ORDER = SchemaBuilder.record("Order").namespace("shop").fields()
            .requiredString("orderId").endRecord();
    private static final GenericRecord AN_ORDER = new GenericRecordBuilder(ORDER).set("orderId", "o-1").build();

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    private void serialize(Map<String, ?> settings, boolean isKey) {
        try (AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(registry)) {
            serializer.configure(settings, isKey);
            serializer.serialize("orders", AN_ORDER);
        }
    }

    private boolean registered(String subject) {
        try {
            return registry.latest(subject).schema().equals(ORDER);
        } catch (SchemaRegistryException e) {
            return false;
        }
    }

    @Test
    void byDefaultValuesAndKeysGoUnderTheTopicName() {
        serialize(Map.of(), false);
        serialize(Map.of(), true);

        assertTrue(registered("orders-value"));
        assertTrue(registered("orders-key"));
    }

    @ParameterizedTest
    @CsvSource({
        "TopicNameStrategy, orders-value",
        "RecordNameStrategy, shop.Order",
        "TopicRecordNameStrategy, orders-shop.Order",
        "io.confluent.kafka.serializers.subject.TopicNameStrategy, orders-value",
        "io.confluent.kafka.serializers.subject.RecordNameStrategy, shop.Order",
        "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy, orders-shop.Order"
    })
    void theValueStrategyNamesTheSubject(String strategy, String subject) {
        serialize(Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, strategy), false);

        assertTrue(registered(subject), subject);
    }

    @Test
    void theKeyStrategyAppliesToKeysOnly() {
        Map<String, String> settings = Map.of(AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY, "RecordNameStrategy");

        serialize(settings, true);
        serialize(settings, false);

        assertTrue(registered("shop.Order"));
        assertTrue(registered("orders-value"));
        assertFalse(registered("orders-key"));
    }

    @Test
    void anUnknownStrategyNamesTheSettingAndTheChoices() {
        ConfigException e = assertThrows(ConfigException.class, () -> serialize(
                Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "com.example.FancyStrategy"), false));

        assertTrue(e.getMessage().contains(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY), e.getMessage());
        assertTrue(e.getMessage().contains("com.example.FancyStrategy"), e.getMessage());
        assertTrue(e.getMessage().contains("TopicRecordNameStrategy"), e.getMessage());
    }
}
