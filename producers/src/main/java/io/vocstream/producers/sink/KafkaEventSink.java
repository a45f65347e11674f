package io.vocstream.producers.sink;

import io.vocstream.schemas.EventTopic;
import io.vocstream.schemas.registry.RegistryClientConfig;
import io.vocstream.schemas.registry.RestSchemaRegistryClient;
import io.vocstream.schemas.registry.SchemaRegistryClient;
import io.vocstream.schemas.serde.AvroSerializer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes to Kafka: one idempotent producer with string keys and Avro values in the Confluent wire format,
 * to the six input topics under an optional prefix. The record timestamp is the event time, so that retention and
 * Kafka's own time index follow the events rather than the moment they were produced.
 */
public final class KafkaEventSink implements EventSink {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<String, SpecificRecord> producer;
    private final String[] topicNames = new String[EventTopic.values().length];
    private final SchemaRegistryClient ownedRegistry;
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    /**
     * A sink sharing {@code registry} (closed by the caller).
     *
     * @param settings    Kafka producer settings ({@code bootstrap.servers}, security ...) and serde settings
     *                    ({@code auto.register.schemas}, subject name strategies); they override
     *                    {@link #producerDefaults()}
     * @param topicPrefix prefix of the topic names, possibly empty
     */
    public KafkaEventSink(Map<String, ?> settings, SchemaRegistryClient registry, String topicPrefix) {
        this(settings, registry, topicPrefix, null);
    }

    private KafkaEventSink(Map<String, ?> settings, SchemaRegistryClient registry, String topicPrefix,
                           SchemaRegistryClient ownedRegistry) {
        this.ownedRegistry = ownedRegistry;
        for (EventTopic topic : EventTopic.values()) {
            topicNames[topic.ordinal()] = topic.topicName(topicPrefix);
        }
        Map<String, Object> producerSettings = new HashMap<>(producerDefaults());
        producerSettings.putAll(settings);
        AvroSerializer<SpecificRecord> values = new AvroSerializer<>(registry);
        values.configure(producerSettings, false);
        this.producer = new KafkaProducer<>(producerSettings, new StringSerializer(), values);
    }

    /**
     * A sink with its own schema registry client, made from the same settings ({@code schema.registry.url},
     * {@code basic.auth.*}, {@code schema.registry.ssl.*}), and closed with the sink.
     */
    public static KafkaEventSink create(Map<String, ?> settings, String topicPrefix) {
        SchemaRegistryClient registry = new RestSchemaRegistryClient(RegistryClientConfig.fromProperties(settings));
        try {
            return new KafkaEventSink(settings, registry, topicPrefix, registry);
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
    }

    /**
     * Idempotent (no duplicates on retries, order kept per partition), lz4-compressed, batched for 10 ms, one request
     * in flight: with several, a batch refused while a new partition is still opening can be overtaken by the next
     * one, and the broker then rejects the retried batch as out of sequence for good.
     */
    public static Map<String, Object> producerDefaults() {
        return Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024,
                ProducerConfig.CLIENT_ID_CONFIG, "vocstream-producers");
    }

    @Override
    public void publish(EventTopic topic, String key, SpecificRecord event) {
        throwIfFailed();
        long timestamp = ((Instant) event.get(event.getSchema().getField("eventTime").pos())).toEpochMilli();
        producer.send(new ProducerRecord<>(topicNames[topic.ordinal()], null, timestamp, key, event),
                (metadata, failure) -> {
                    if (failure != null) {
                        firstFailure.compareAndSet(null, failure);
                    }
                });
    }

    @Override
    public void flush() {
        producer.flush();
        throwIfFailed();
    }

    @Override
    public void close() {
        try {
            producer.close(CLOSE_TIMEOUT);
        } finally {
            if (ownedRegistry != null) {
                ownedRegistry.close();
            }
        }
    }

    private void throwIfFailed() {
        Exception failure = firstFailure.get();
        if (failure != null) {
            throw new KafkaException("publishing to Kafka failed: " + failure.getMessage(), failure);
        }
    }
}
