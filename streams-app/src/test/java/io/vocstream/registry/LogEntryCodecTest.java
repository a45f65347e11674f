package io.vocstream.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LogEntryCodecTest {
    private final LogEntryCodec codec = new LogEntryCodec();

    @Test
    @DisplayName("keys have the shape of Confluent's _schemas keys, so compaction keeps one record per thing")
    void confluentKeys() {
        assertEquals("{\"keytype\":\"SCHEMA\",\"subject\":\"s-value\",\"version\":2,\"magic\":1}",
                codec.encode(new SchemaVersion("s-value", 2, 7, "\"string\"", false)).key());
        assertEquals("{\"keytype\":\"SCHEMA\",\"subject\":\"s-value\",\"version\":2,\"magic\":1}",
                codec.encode(new LogEntry.VersionErased("s-value", 2)).key());
        assertEquals("{\"keytype\":\"CONFIG\",\"magic\":0}",
                codec.encode(new LogEntry.ConfigSet(null, CompatibilityLevel.FULL)).key());
        assertEquals("{\"keytype\":\"CONFIG\",\"subject\":\"s-value\",\"magic\":0}",
                codec.encode(new LogEntry.ConfigCleared("s-value")).key());
        assertEquals("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"s-value\",\"magic\":0}",
                codec.encode(new LogEntry.SubjectSoftDeleted("s-value", 3)).key());
    }

    @Test
    @DisplayName("values carry what Confluent writes, and erasures are tombstones")
    void confluentValues() {
        assertEquals("{\"subject\":\"s-value\",\"version\":2,\"id\":7,\"schema\":\"\\\"string\\\"\",\"deleted\":false}",
                codec.encode(new SchemaVersion("s-value", 2, 7, "\"string\"", false)).value());
        assertEquals("{\"compatibilityLevel\":\"FULL\"}",
                codec.encode(new LogEntry.ConfigSet(null, CompatibilityLevel.FULL)).value());
        assertEquals("{\"subject\":\"s-value\",\"version\":3}",
                codec.encode(new LogEntry.SubjectSoftDeleted("s-value", 3)).value());
        assertNull(codec.encode(new LogEntry.VersionErased("s-value", 2)).value());
        assertNull(codec.encode(new LogEntry.ConfigCleared(null)).value());
    }

    @Test
    @DisplayName("every entry reads back as written")
    void roundTrip() {
        for (LogEntry entry : List.of(
                new SchemaVersion("s-value", 1, 3, "{\"type\":\"record\",\"name\":\"R\",\"fields\":[]}", true),
                new LogEntry.VersionErased("s-value", 1),
                new LogEntry.SubjectSoftDeleted("s-value", 4),
                new LogEntry.ConfigSet("s-value", CompatibilityLevel.FORWARD_TRANSITIVE),
                new LogEntry.ConfigSet(null, CompatibilityLevel.NONE),
                new LogEntry.ConfigCleared("s-value"),
                new LogEntry.ConfigCleared(null))) {
            LogEntryCodec.Encoded encoded = codec.encode(entry);
            assertEquals(Optional.of(entry), codec.decode(encoded.key(), encoded.value()));
        }
    }

    @Test
    @DisplayName("records as Confluent Schema Registry writes them replay; types this registry does not use are skipped")
    void readsConfluentRecords() {
        String key = "{\"keytype\":\"SCHEMA\",\"subject\":\"orders-value\",\"version\":1,\"magic\":1}";
        String value = "{\"subject\":\"orders-value\",\"version\":1,\"id\":100001,\"md5\":\"AAAA\","
                + "\"schema\":\"\\\"long\\\"\",\"deleted\":false,\"references\":[],\"ts\":1700000000000}";
        assertEquals(Optional.of(new SchemaVersion("orders-value", 1, 100001, "\"long\"", false)),
                codec.decode(key, value));
        assertEquals(Optional.empty(), codec.decode("{\"keytype\":\"NOOP\",\"magic\":0}", null));
        assertEquals(Optional.empty(), codec.decode("{\"keytype\":\"MODE\",\"magic\":0}", "{\"mode\":\"READWRITE\"}"));
    }

    @Test
    @DisplayName("a record that is not what it claims to be is rejected with the reason")
    void rejectsMalformedRecords() {
        IllegalArgumentException notJson = assertThrows(IllegalArgumentException.class,
                () -> codec.decode("{oops", null));
        assertTrue(notJson.getMessage().contains("key is not JSON"), notJson.getMessage());
        IllegalArgumentException noId = assertThrows(IllegalArgumentException.class, () -> codec.decode(
                "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}",
                "{\"subject\":\"s\",\"version\":1,\"schema\":\"\\\"int\\\"\"}"));
        assertTrue(noId.getMessage().contains("'id'"), noId.getMessage());
    }
}
