package io.vocstream.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CompatibilityLevelTest {
    private static final Schema X_INT = record("{\"name\":\"x\",\"type\":\"int\"}");
    private static final Schema EMPTY = record("");
    private static final Schema X_STRING_WITH_DEFAULT = record("{\"name\":\"x\",\"type\":\"string\",\"default\":\"\"}");
    private static final Schema X_INT_Y_INT = record("{\"name\":\"x\",\"type\":\"int\"},{\"name\":\"y\",\"type\":\"int\"}");
    private static final Schema X_INT_Y_WITH_DEFAULT =
            record("{\"name\":\"x\",\"type\":\"int\"},{\"name\":\"y\",\"type\":\"int\",\"default\":0}");

    @Test
    @DisplayName("a new field without default breaks BACKWARD and FULL but not FORWARD or NONE")
    void fieldWithoutDefault() {
        NavigableMap<Integer, Schema> history = history(X_INT);

        assertTrue(CompatibilityLevel.BACKWARD.incompatibilities(X_INT_Y_INT, history).get(0)
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE"));
        assertEquals(1, CompatibilityLevel.FULL.incompatibilities(X_INT_Y_INT, history).size());
        assertEquals(List.of(), CompatibilityLevel.FORWARD.incompatibilities(X_INT_Y_INT, history));
        assertEquals(List.of(), CompatibilityLevel.NONE.incompatibilities(X_INT_Y_INT, history));
        assertEquals(List.of(), CompatibilityLevel.FULL.incompatibilities(X_INT_Y_WITH_DEFAULT, history));
    }

    @Test
    @DisplayName("removing a field without default breaks FORWARD: readers of the old schema still need it")
    void removedField() {
        assertEquals(List.of(), CompatibilityLevel.BACKWARD.incompatibilities(EMPTY, history(X_INT)));
        assertTrue(CompatibilityLevel.FORWARD.incompatibilities(EMPTY, history(X_INT)).get(0)
                .contains("version 1 reading data written with the new schema"));
    }

    @Test
    @DisplayName("transitive levels compare with every earlier version, the others with the latest only")
    void transitive() {
        // x: int in v1, gone in v2, back as a string in the candidate: fine after v2, not after v1
        NavigableMap<Integer, Schema> history = history(X_INT, EMPTY);

        assertEquals(List.of(), CompatibilityLevel.BACKWARD.incompatibilities(X_STRING_WITH_DEFAULT, history));
        List<String> transitive = CompatibilityLevel.BACKWARD_TRANSITIVE.incompatibilities(X_STRING_WITH_DEFAULT,
                history);
        assertEquals(1, transitive.size());
        assertTrue(transitive.get(0).contains("TYPE_MISMATCH") && transitive.get(0).contains("version 1"),
                transitive.get(0));
    }

    @Test
    @DisplayName("levels are named case-insensitively; an unknown name is error 42203")
    void parse() {
        assertEquals(CompatibilityLevel.FULL_TRANSITIVE, CompatibilityLevel.parse("full_transitive"));
        RegistryException unknown = assertThrows(RegistryException.class, () -> CompatibilityLevel.parse("LOOSE"));
        assertEquals(42203, unknown.errorCode());
        assertEquals(422, unknown.httpStatus());
    }

    private static Schema record(String fields) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}");
    }

    private static NavigableMap<Integer, Schema> history(Schema... versions) {
        NavigableMap<Integer, Schema> history = new TreeMap<>();
        for (int i = 0; i < versions.length; i++) {
            history.put(i + 1, versions[i]);
        }
        return history;
    }
}
