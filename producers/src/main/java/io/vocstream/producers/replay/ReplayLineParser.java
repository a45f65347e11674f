package io.vocstream.producers.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocstream.schemas.EventTopic;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * Parses one line of the JSON Lines replay format:
 * <pre>{"topic": "contact-events", "key": "c-1", "event": {...}}</pre>
 * {@code topic} is a topic's base name ({@code contact-events}) or its name in {@link EventTopic}
 * ({@code CONTACT}); {@code key} is optional and defaults to the event's entity id; {@code event} follows
 * {@link JsonEventMapper}.
 */
public final class ReplayLineParser {
    static final Set<String> LINE_FIELDS = Set.of("topic", "key", "event");

    private final ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private final JsonEventMapper events = new JsonEventMapper();

    /** @throws InvalidEventException naming the field (null: the line is not a JSON object) and why */
    public ReplayEvent parse(String line) throws InvalidEventException {
        JsonNode root;
        try {
            root = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(null, "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidEventException(null, "expected a JSON object {\"topic\": ..., \"event\": {...}}");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!LINE_FIELDS.contains(name)) {
                throw new InvalidEventException(name, "unknown field; a line has topic, key (optional) and event");
            }
        }
        EventTopic topic = topic(root.get("topic"));
        JsonNode eventJson = root.get("event");
        if (eventJson == null) {
            throw new InvalidEventException("event", "required field is missing");
        }
        SpecificRecord event = events.toRecord(topic.recordClass(), eventJson, "event");
        JsonNode keyJson = root.get("key");
        String key;
        if (keyJson == null || keyJson.isNull()) {
            key = topic.keyOf(event);
        } else if (keyJson.isTextual() && !keyJson.textValue().isEmpty()) {
            key = keyJson.textValue();
        } else {
            throw new InvalidEventException("key", "expected a non-empty string, got " + keyJson);
        }
        return new ReplayEvent(topic, key, event);
    }

    private static EventTopic topic(JsonNode topic) throws InvalidEventException {
        if (topic == null) {
            throw new InvalidEventException("topic", "required field is missing");
        }
        if (topic.isTextual()) {
            for (EventTopic candidate : EventTopic.values()) {
                if (candidate.baseName().equals(topic.textValue())
                        || candidate.name().equals(topic.textValue().toUpperCase(Locale.ROOT))) {
                    return candidate;
                }
            }
        }
        throw new InvalidEventException("topic", "unknown topic " + topic + "; known: "
                + Arrays.stream(EventTopic.values()).map(EventTopic::baseName).toList()
                + " (without prefix) or " + Arrays.toString(EventTopic.values()));
    }
}
