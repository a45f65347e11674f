package io.vocstream.producers.replay;

import io.vocstream.schemas.EventTopic;
import org.apache.avro.specific.SpecificRecord;

/** One valid line of a replay file: the event, its topic and its key. */
public record ReplayEvent(EventTopic topic, String key, SpecificRecord event) {
}
