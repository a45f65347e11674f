package io.vocstream.schemas.serde;

import io.vocstream.schemas.registry.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;

/** Generated Avro classes in the Confluent wire format: {@code specific.avro.reader} is always on. */
public class SpecificAvroSerde<T extends SpecificRecord> extends Serdes.WrapperSerde<T> {

    /** A serde that creates its registry client from the settings passed to {@link #configure}. */
    public SpecificAvroSerde() {
        super(new AvroSerializer<>(), new AvroDeserializer<>());
    }

    /** A serde sharing {@code registry}, which the caller closes. */
    public SpecificAvroSerde(SchemaRegistryClient registry) {
        super(new AvroSerializer<>(registry), new AvroDeserializer<>(registry));
    }

    @Override
    public void configure(Map<String, ?> settings, boolean isKey) {
        Map<String, Object> specific = new HashMap<>(settings);
        specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        super.configure(specific, isKey);
    }
}
