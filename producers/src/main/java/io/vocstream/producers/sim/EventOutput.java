package io.vocstream.producers.sim;

import io.vocstream.schemas.EventTopic;
import org.apache.avro.specific.SpecificRecord;

/** Where the simulated world sends its events, in event-time order. */
@FunctionalInterface
interface EventOutput {
    void emit(EventTopic topic, String key, SpecificRecord event);
}
