package io.vocstream.schemas.serde;

import io.vocstream.schemas.GeneratedEvents;
import io.vocstream.schemas.registry.SchemaRegistryClient;
import io.vocstream.schemas.registry.SchemaRegistryException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format records: fetches the writer's schema by the id in the header (once per id) and
 * resolves it against the generated class of the same name ({@code specific.avro.reader=true}) or reads it as a
 * GenericRecord. Safe for concurrent use.
 *
 * <p>Errors are {@link SerializationException}s that say what was wrong with the bytes (header, schema id,
 * payload), so that a dead-letter handler can record the reason, except when the registry cannot be asked about the
 * schema id at all: that is a {@link SchemaRegistryUnavailableException}, retriable, since nothing is known to be
 * wrong with the record.
 */
public class AvroDeserializer<T> implements Deserializer<T> {
    static {
        GeneratedEvents.trust(); // reading resolves the writer's record and enum names to the generated classes
    }

    private final RegistryHandle registry;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();
    private boolean specific;

    /** A deserializer that creates its registry client from the settings passed to {@link #configure}. */
    public AvroDeserializer() {
        this.registry = RegistryHandle.fromSettings();
    }

    /** A deserializer sharing {@code registry}, which the caller closes. */
    public AvroDeserializer(SchemaRegistryClient registry) {
        this.registry = RegistryHandle.shared(registry);
    }

    @Override
    public void configure(Map<String, ?> settings, boolean isKey) {
        this.registry.configure(settings);
        this.specific = new AvroSerdeConfig(settings).specificAvroReader();
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        int id = WireFormat.readHeader(topic, ByteBuffer.wrap(data));
        DatumReader<T> reader = readers.computeIfAbsent(id, i -> readerFor(topic, i));
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_LENGTH,
                    data.length - WireFormat.HEADER_LENGTH, null));
        } catch (java.io.IOException | RuntimeException e) {
            throw new SerializationException("record of topic " + topic + " is not a valid Avro encoding of schema id "
                    + id + ": " + e, e);
        }
    }

    private DatumReader<T> readerFor(String topic, int id) {
        Schema writer;
        try {
            writer = registry.client().schemaById(id);
        } catch (SchemaRegistryException e) {
            if (e.isUnavailable()) {
                throw new SchemaRegistryUnavailableException("record of topic " + topic + " names schema id " + id
                        + ", which the schema registry could not be asked for: " + e.getMessage(), e);
            }
            throw new SerializationException("record of topic " + topic + " names schema id " + id
                    + ", which the schema registry cannot provide: " + e.getMessage(), e);
        }
        if (!specific || writer.getType() != Schema.Type.RECORD) {
            return new GenericDatumReader<>(writer, writer, GenericData.get());
        }
        Class<?> generated = SpecificData.get().getClass(writer);
        if (generated == null) {
            throw new SerializationException("record of topic " + topic + " has type " + writer.getFullName()
                    + " (schema id " + id + "), for which this application has no generated class");
        }
        SpecificData model = SpecificData.getForClass(generated);
        return new SpecificDatumReader<>(writer, model.getSchema(generated), model);
    }

    @Override
    public void close() {
        registry.close();
    }
}
