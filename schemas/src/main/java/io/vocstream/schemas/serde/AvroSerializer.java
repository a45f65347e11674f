package io.vocstream.schemas.serde;

import io.vocstream.schemas.registry.SchemaRegistryClient;
import io.vocstream.schemas.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (generated or generic) in the Confluent wire format, registering or looking up the writer's
 * schema in the registry per {@link AvroSerdeConfig}. Safe for concurrent use.
 */
public class AvroSerializer<T extends IndexedRecord> implements Serializer<T> {
    private final RegistryHandle registry;
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private SubjectNameStrategy subjects = SubjectNameStrategy.TopicNameStrategy;
    private boolean autoRegister = true;
    private boolean isKey;

    /** A serializer that creates its registry client from the settings passed to {@link #configure}. */
    public AvroSerializer() {
        this.registry = RegistryHandle.fromSettings();
    }

    /** A serializer sharing {@code registry}, which the caller closes. */
    public AvroSerializer(SchemaRegistryClient registry) {
        this.registry = RegistryHandle.shared(registry);
    }

    @Override
    public void configure(Map<String, ?> settings, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(settings);
        this.registry.configure(settings);
        this.subjects = config.subjectNameStrategy(isKey);
        this.autoRegister = config.autoRegisterSchemas();
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        Schema schema = record.getSchema();
        int id = schemaId(topic, schema);
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.write(WireFormat.MAGIC_BYTE);
        out.write(id >>> 24);
        out.write(id >>> 16);
        out.write(id >>> 8);
        out.write(id);
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writers.computeIfAbsent(schema, s -> writerFor(record)).write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode a " + schema.getFullName() + " for topic " + topic
                    + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private int schemaId(String topic, Schema schema) {
        String subject = subjects.subject(topic, isKey, schema);
        try {
            return autoRegister ? registry.client().register(subject, schema)
                    : registry.client().idOf(subject, schema);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("cannot " + (autoRegister ? "register" : "find") + " the schema of "
                    + schema.getFullName() + " under subject " + subject + ": " + e.getMessage(), e);
        }
    }

    private static DatumWriter<Object> writerFor(IndexedRecord record) {
        Schema schema = record.getSchema();
        return record instanceof SpecificRecord
                ? new SpecificDatumWriter<>(schema, SpecificData.getForClass(record.getClass()))
                : new GenericDatumWriter<>(schema, GenericData.get());
    }

    @Override
    public void close() {
        registry.close();
    }
}
