package io.vocstream.producers.sink;

import io.vocstream.schemas.EventTopic;
import org.apache.avro.specific.SpecificRecord;

/** Drops every event: for measuring how fast events are generated, or for validating without publishing. */
public final class DiscardingEventSink implements EventSink {
    @Override
    public void publish(EventTopic topic, String key, SpecificRecord event) {
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
