package io.vocstream.streams;

import java.time.Instant;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time drives every window: the record's own {@code eventTime} field, not the time Kafka received it.
 * Records without one keep Kafka's timestamp.
 */
public final class EventTimeExtractor implements TimestampExtractor {
    static final String FIELD = "eventTime";

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
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
