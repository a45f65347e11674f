package io.vocstream.streams;

import io.prometheus.client.Counter;
import io.vocstream.schemas.EventTopic;
import io.vocstream.schemas.serde.SchemaRegistryUnavailableException;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.ExponentialBackoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the values of one input topic: an event of that topic's type, or a {@link SerializationException} saying
 * why not (which dead-letters the record), including a well-formed record of another type.
 *
 * <p>A schema registry that cannot be asked about a record's schema id says nothing about the record, so that is
 * no reason to dead-letter it: the read is tried again, with backoff, for up to {@code outageWait}. Kafka Streams
 * keeps the partition's place meanwhile; the default wait ends well inside the 10 s transaction timeout of
 * exactly-once processing, so a registry restart costs nothing. If the registry is still unavailable then, the
 * {@link SchemaRegistryUnavailableException} fails the stream thread ({@link DeadLetterDeserializationHandler}),
 * which is replaced and reads the record again from the last commit. Records of schema ids already fetched do not
 * need the registry at all.
 */
final class EventDeserializer implements Deserializer<SpecificRecord> {
    static final Counter REGISTRY_UNAVAILABLE = Counter.build()
            .name("vocstream_schema_registry_unavailable_total")
            .help("Reads of an input record that found the schema registry unable to provide its schema and waited "
                    + "to try again (such records are never dead-lettered), by topic")
            .labelNames("topic")
            .register();
    private static final Logger log = LoggerFactory.getLogger(EventDeserializer.class);
    private static final ExponentialBackoff BACKOFF = new ExponentialBackoff(100, 2, 2_000, 0.2);

    private final EventTopic topic;
    private final Deserializer<SpecificRecord> avro;
    private final long outageWaitNanos;

    EventDeserializer(EventTopic topic, Deserializer<SpecificRecord> avro, Duration outageWait) {
        this.topic = topic;
        this.avro = avro;
        this.outageWaitNanos = outageWait.toNanos();
    }

    @Override
    public SpecificRecord deserialize(String topicName, byte[] data) {
        SpecificRecord event = readWaitingForTheRegistry(topicName, data);
        if (event != null && !topic.recordClass().isInstance(event)) {
            throw new SerializationException("record of topic " + topicName + " is a " + event.getSchema().getFullName()
                    + ", not a " + topic.schema().getFullName() + ", the type of this topic");
        }
        return event;
    }

    private SpecificRecord readWaitingForTheRegistry(String topicName, byte[] data) {
        long started = System.nanoTime();
        for (int attempt = 0; ; attempt++) {
            try {
                return avro.deserialize(topicName, data);
            } catch (SchemaRegistryUnavailableException e) {
                REGISTRY_UNAVAILABLE.labels(topic.baseName()).inc();
                long waited = System.nanoTime() - started;
                if (waited >= outageWaitNanos) {
                    throw e;
                }
                long pause = Math.min(BACKOFF.backoff(attempt), (outageWaitNanos - waited) / 1_000_000 + 1);
                log.warn("{}; trying again in {} ms", e.getMessage(), pause);
                sleep(pause);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new InterruptException("interrupted while waiting for the schema registry", e);
        }
    }

    @Override
    public void close() {
        avro.close();
    }
}
