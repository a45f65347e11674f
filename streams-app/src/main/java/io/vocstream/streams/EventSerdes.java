package io.vocstream.streams;

import io.vocstream.schemas.EventTopic;
import io.vocstream.schemas.registry.SchemaRegistryClient;
import io.vocstream.schemas.serde.SpecificAvroSerde;
import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Consumed;

/**
 * The value serdes of the six input topics, all sharing one caching schema registry client, and the
 * {@link Consumed} every topology reads an input topic with (string keys, Avro values, event time).
 */
public final class EventSerdes {
    private static final EventTimeExtractor EVENT_TIME = new EventTimeExtractor();

    private final Map<EventTopic, SpecificAvroSerde<SpecificRecord>> serdes = new EnumMap<>(EventTopic.class);

    public EventSerdes(SchemaRegistryClient registry, Map<String, ?> serdeConfig) {
        for (EventTopic topic : EventTopic.values()) {
            SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>(registry);
            serde.configure(serdeConfig, false);
            serdes.put(topic, serde);
        }
    }

    public SpecificAvroSerde<SpecificRecord> forTopic(EventTopic topic) {
        return serdes.get(topic);
    }

    /** How a topology reads {@code topic}: string keys, Avro values, timestamps from the events' eventTime. */
    @SuppressWarnings("unchecked")
    public <T extends SpecificRecord> Consumed<String, T> consumed(EventTopic topic) {
        return Consumed.with(Serdes.String(), (SpecificAvroSerde<T>) (SpecificAvroSerde<?>) serdes.get(topic))
                .withTimestampExtractor(EVENT_TIME);
    }
}
