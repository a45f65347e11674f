package io.vocstream.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Writes and reads {@link LogEntry}s as the JSON key/value records Confluent Schema Registry keeps in its own
 * {@code _schemas} topic: keys {@code {"keytype":"SCHEMA","subject":..,"version":..,"magic":1}},
 * {@code {"keytype":"CONFIG",..}} and {@code {"keytype":"DELETE_SUBJECT",..}}; a null value is a tombstone.
 *
 * <p>Keys are written with a fixed field order so that the same thing always has byte-identical keys, which is
 * what compaction keys on.
 */
final class LogEntryCodec {
    private static final String SCHEMA = "SCHEMA";
    private static final String CONFIG = "CONFIG";
    private static final String DELETE_SUBJECT = "DELETE_SUBJECT";

    private final ObjectMapper json = new ObjectMapper();

    /** A record ready for the topic; {@code value} is null for a tombstone. */
    record Encoded(String key, String value) {
    }

    Encoded encode(LogEntry entry) {
        if (entry instanceof SchemaVersion v) {
            ObjectNode value = json.createObjectNode()
                    .put("subject", v.subject())
                    .put("version", v.version())
                    .put("id", v.id())
                    .put("schema", v.schema())
                    .put("deleted", v.deleted());
            return new Encoded(schemaKey(v.subject(), v.version()), value.toString());
        }
        if (entry instanceof LogEntry.VersionErased e) {
            return new Encoded(schemaKey(e.subject(), e.version()), null);
        }
        if (entry instanceof LogEntry.SubjectSoftDeleted d) {
            ObjectNode value = json.createObjectNode().put("subject", d.subject()).put("version", d.upToVersion());
            return new Encoded(key(DELETE_SUBJECT, d.subject()), value.toString());
        }
        if (entry instanceof LogEntry.ConfigSet c) {
            ObjectNode value = json.createObjectNode();
            if (c.subject() != null) {
                value.put("subject", c.subject());
            }
            value.put("compatibilityLevel", c.level().name());
            return new Encoded(key(CONFIG, c.subject()), value.toString());
        }
        LogEntry.ConfigCleared cleared = (LogEntry.ConfigCleared) entry;
        return new Encoded(key(CONFIG, cleared.subject()), null);
    }

    /**
     * The entry a topic record holds, or empty for record types this registry does not use (NOOP, MODE, ...) so a
     * topic written by Confluent Schema Registry still replays.
     *
     * @throws IllegalArgumentException if the record is not valid JSON of the expected shape
     */
    Optional<LogEntry> decode(String key, String value) {
        JsonNode k = parse(key, "key");
        String keyType = k.path("keytype").asText();
        JsonNode v = value == null ? null : parse(value, "value");
        switch (keyType) {
            case SCHEMA: {
                String subject = text(k, "subject");
                int version = integer(k, "version");
                if (v == null) {
                    return Optional.of(new LogEntry.VersionErased(subject, version));
                }
                String type = v.path("schemaType").asText("AVRO");
                if (!type.equals("AVRO")) {
                    throw new IllegalArgumentException("schema type " + type + " is not supported");
                }
                return Optional.of(new SchemaVersion(subject, version, integer(v, "id"), text(v, "schema"),
                        v.path("deleted").asBoolean(false)));
            }
            case CONFIG: {
                String subject = k.hasNonNull("subject") ? k.get("subject").asText() : null;
                if (v == null || !v.hasNonNull("compatibilityLevel")) {
                    return Optional.of(new LogEntry.ConfigCleared(subject));
                }
                return Optional.of(new LogEntry.ConfigSet(subject,
                        CompatibilityLevel.parse(v.get("compatibilityLevel").asText())));
            }
            case DELETE_SUBJECT:
                // a tombstone of the marker changes nothing: the versions it soft-deleted carry on as they were
                return v == null ? Optional.empty()
                        : Optional.of(new LogEntry.SubjectSoftDeleted(text(k, "subject"), integer(v, "version")));
            default:
                return Optional.empty();
        }
    }

    private String schemaKey(String subject, int version) {
        return json.createObjectNode()
                .put("keytype", SCHEMA)
                .put("subject", subject)
                .put("version", version)
                .put("magic", 1)
                .toString();
    }

    private String key(String keyType, String subject) {
        ObjectNode key = json.createObjectNode().put("keytype", keyType);
        if (subject != null) {
            key.put("subject", subject);
        }
        return key.put("magic", 0).toString();
    }

    private JsonNode parse(String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException("the record has no " + what);
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the record " + what + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        if (!node.path(field).isTextual()) {
            throw new IllegalArgumentException("'" + field + "' missing or not text in " + node);
        }
        return node.get(field).asText();
    }

    private static int integer(JsonNode node, String field) {
        if (!node.path(field).canConvertToInt()) {
            throw new IllegalArgumentException("'" + field + "' missing or not an integer in " + node);
        }
        return node.get(field).intValue();
    }
}
