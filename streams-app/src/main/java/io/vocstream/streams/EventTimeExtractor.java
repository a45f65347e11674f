package io.vocstream.streams;

import java.time.Instant;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time drives every window: the record's own {@code eventTime} field, not the time Kafka received it.
 * Records without one keep Kafka's timestamp.
 *
 * <p>An event time further ahead of the record's Kafka timestamp than {@link EventRules#MAX_CLOCK_SKEW} is taken as
 * that limit. Such an event was written before it happened, and the rules refuse it as ahead of the clock, but
 * its timestamp would already have moved the partition's stream time: years ahead, that expires every windowed
 * store's data and stamps changelog records with times the broker refuses. The Kafka timestamp is a safe bound: the
 * broker itself refuses records stamped much ahead of its clock ({@code log.message.timestamp.after.max.ms}), and the
 * producers stamp each record with its event time.
 */
public final class EventTimeExtractor implements TimestampExtractor {
    static final String FIELD = "eventTime";

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        long eventTime = eventTime(record);
        long latestPlausible = record.timestamp() + EventRules.MAX_CLOCK_SKEW.toMillis();
        return record.timestamp() >= 0 && eventTime > latestPlausible ? latestPlausible : eventTime;
    }

    private static long eventTime(ConsumerRecord<Object, Object> record) {
        if (record.value() instanceof GenericRecord value && value.getSchema().getField(FIELD) != null) {
            Object time = value.get(FIELD);
            if (time instanceof Instant instant) {
                return instant.toEpochMilli();
            }
            if (time instanceof Long millis) {
                return millis;
            }
        }
        return record.timestamp();
    }
}
