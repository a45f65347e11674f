package io.vocstream.bench;

import io.vocstream.producers.sink.EventSink;
import io.vocstream.schemas.EventTopic;
import java.time.Duration;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Publishes every event with each of its times (its eventTime, a repair's promised window) moved by the same amount:
 * the same workload at another place in time.
 */
final class TimeShiftingEventSink implements EventSink {
    private final EventSink sink;
    private final Duration shift;

    TimeShiftingEventSink(EventSink sink, Duration shift) {
        this.sink = sink;
        this.shift = shift;
    }

    @Override
    public void publish(EventTopic topic, String key, SpecificRecord event) {
        for (Schema.Field field : event.getSchema().getFields()) {
            if (event.get(field.pos()) instanceof Instant time) {
                event.put(field.pos(), time.plus(shift));
            }
        }
        sink.publish(topic, key, event);
    }

    @Override
    public void flush() {
        sink.flush();
    }

    @Override
    public void close() {
        sink.close();
    }
}
