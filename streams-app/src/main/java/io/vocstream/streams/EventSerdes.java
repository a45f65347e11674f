package io.vocstream.streams;

import io.vocstream.schemas.EventTopic;
import io.vocstream.schemas.registry.SchemaRegistryClient;
import io.vocstream.schemas.serde.SpecificAvroSerde;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Consumed;

/**
 * The value serdes of the six input topics, all sharing one caching schema registry client, and the
 * {@link Consumed} every topology reads an input topic with (string keys, Avro values of the topic's own type,
 * event time).
 */
public final class EventSerdes {
    /** How long reading a record waits for a schema registry that cannot provide its schema ({@link EventDeserializer}). */
    public static final String REGISTRY_OUTAGE_WAIT_MS = "schema.registry.outage.wait.ms";

    private static final EventTimeExtractor EVENT_TIME = new EventTimeExtractor();
    private static final ConfigDef DEFINITION = new ConfigDef()
            // inside the 10 s transaction timeout of exactly-once processing, so that a wait does not abort it
            .define(REGISTRY_OUTAGE_WAIT_MS, Type.LONG, 5_000L, Range.atLeast(0), Importance.LOW,
                    "How long reading an input record waits for a schema registry that cannot provide its schema "
                            + "before the stream thread is restarted to read it again.");

    private final Map<EventTopic, SpecificAvroSerde<SpecificRecord>> serdes = new EnumMap<>(EventTopic.class);
    private final Map<EventTopic, Serde<SpecificRecord>> inputSerdes = new EnumMap<>(EventTopic.class);

    /** @param serdeConfig the serdes' settings, including {@value #REGISTRY_OUTAGE_WAIT_MS} */
    public EventSerdes(SchemaRegistryClient registry, Map<String, ?> serdeConfig) {
        Duration outageWait = Duration.ofMillis(
                new AbstractConfig(DEFINITION, serdeConfig, false).getLong(REGISTRY_OUTAGE_WAIT_MS));
        for (EventTopic topic : EventTopic.values()) {
            SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>(registry);
            serde.configure(serdeConfig, false);
            serdes.put(topic, serde);
            inputSerdes.put(topic, Serdes.serdeFrom(serde.serializer(),
                    new EventDeserializer(topic, serde.deserializer(), outageWait)));
        }
    }

    public SpecificAvroSerde<SpecificRecord> forTopic(EventTopic topic) {
        return serdes.get(topic);
    }

    /**
     * How a topology reads {@code topic}: string keys, Avro values of the topic's type (anything else is a
     * deserialization error), timestamps from the events' eventTime.
     */
    @SuppressWarnings("unchecked")
    public <T extends SpecificRecord> Consumed<String, T> consumed(EventTopic topic) {
        return Consumed.with(Serdes.String(), (Serde<T>) (Serde<?>) inputSerdes.get(topic))
                .withTimestampExtractor(EVENT_TIME);
    }
}
