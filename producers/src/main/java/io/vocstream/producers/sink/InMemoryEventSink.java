package io.vocstream.producers.sink;

import io.vocstream.schemas.EventTopic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** Keeps every published event in order, for tests and for callers that post-process a run. */
public final class InMemoryEventSink implements EventSink {
    private final List<PublishedEvent> events = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean closed;

    @Override
    public void publish(EventTopic topic, String key, SpecificRecord event) {
        if (closed) {
            throw new IllegalStateException("sink is closed");
        }
        events.add(new PublishedEvent(topic, key, event));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        closed = true;
    }

    public boolean isClosed() {
        return closed;
    }

    /** A copy of the events published so far, in order. */
    public List<PublishedEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** The events of one topic, in order, as their record type. */
    public <T extends SpecificRecord> List<T> events(EventTopic topic, Class<T> type) {
        List<T> selected = new ArrayList<>();
        for (PublishedEvent published : events()) {
            if (published.topic() == topic) {
                selected.add(type.cast(published.event()));
            }
        }
        return selected;
    }
}
