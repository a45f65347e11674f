package io.vocstream.schemas.serde;

import io.vocstream.schemas.registry.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serdes;

/** Avro records of any schema as {@link GenericRecord}s in the Confluent wire format. */
public class GenericAvroSerde extends Serdes.WrapperSerde<GenericRecord> {

    /** A serde that creates its registry client from the settings passed to {@link #configure}. */
    public GenericAvroSerde() {
        super(new AvroSerializer<>(), new AvroDeserializer<>());
    }

    /** A serde sharing {@code registry}, which the caller closes. */
    public GenericAvroSerde(SchemaRegistryClient registry) {
        super(new AvroSerializer<>(registry), new AvroDeserializer<>(registry));
    }

    @Override
    public void configure(Map<String, ?> settings, boolean isKey) {
        Map<String, Object> generic = new HashMap<>(settings);
        generic.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, false);
        super.configure(generic, isKey);
    }
}
