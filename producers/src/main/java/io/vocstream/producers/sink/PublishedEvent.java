package io.vocstream.producers.sink;

import io.vocstream.schemas.EventTopic;
import org.apache.avro.specific.SpecificRecord;

/** One event as it was handed to a sink. */
public record PublishedEvent(EventTopic topic, String key, SpecificRecord event) {
}
