package io.vocstream.ingest;

import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * How many valid events one input topic has delivered, and the latest event time seen; mergeable across the
 * partitions (and instances) that each hold a share.
 */
public record TopicActivity(long events, long lastEventTimeMillis) {
    public static final TopicActivity NONE = new TopicActivity(0, Long.MIN_VALUE);

    public static final Serde<TopicActivity> SERDE = Serdes.serdeFrom(
            (Serializer<TopicActivity>) (topic, a) -> a == null ? null
                    : ByteBuffer.allocate(16).putLong(a.events).putLong(a.lastEventTimeMillis).array(),
            (Deserializer<TopicActivity>) (topic, bytes) -> {
                if (bytes == null) {
                    return null;
                }
                ByteBuffer b = ByteBuffer.wrap(bytes);
                return new TopicActivity(b.getLong(), b.getLong());
            });

    public TopicActivity plusEvent(long eventTimeMillis) {
        return new TopicActivity(events + 1, Math.max(lastEventTimeMillis, eventTimeMillis));
    }

    public TopicActivity merge(TopicActivity other) {
        return new TopicActivity(events + other.events, Math.max(lastEventTimeMillis, other.lastEventTimeMillis));
    }
}
