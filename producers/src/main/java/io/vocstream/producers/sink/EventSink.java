package io.vocstream.producers.sink;

import io.vocstream.schemas.EventTopic;
import org.apache.avro.specific.SpecificRecord;

/** Where produced events go: Kafka, or memory in tests. Called from one thread at a time. */
public interface EventSink extends AutoCloseable {

    /**
     * Publishes {@code event} to {@code topic} under {@code key}. May be asynchronous; a failure surfaces at the
     * latest on {@link #flush()}.
     */
    void publish(EventTopic topic, String key, SpecificRecord event);

    /** Waits until everything published so far is delivered, or throws the first delivery failure. */
    void flush();

    @Override
    void close();
}
