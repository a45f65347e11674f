package io.vocstream.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * The compatibility levels of Confluent Schema Registry. A level only says which pairs of schemas must be
 * reader/writer compatible; whether a pair is compatible is decided by Avro's own {@link SchemaCompatibility}.
 */
enum CompatibilityLevel {
    NONE(false, false, false),
    /** Consumers on the new schema read data written with the latest one. */
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    /** Consumers on the latest schema read data written with the new one. */
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /** The level named case-insensitively, as Confluent accepts it. */
    static CompatibilityLevel parse(String name) {
        if (name != null) {
            for (CompatibilityLevel level : values()) {
                if (level.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                    return level;
                }
            }
        }
        throw RegistryException.invalidCompatibilityLevel(name);
    }

    /**
     * Why {@code candidate} may not follow {@code previous} (version number to schema) under this level; empty when
     * it may. Non-transitive levels compare with the latest previous version only.
     */
    List<String> incompatibilities(Schema candidate, NavigableMap<Integer, Schema> previous) {
        if (previous.isEmpty()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Integer, Schema> old : (transitive ? previous : previous.tailMap(previous.lastKey(), true))
                .descendingMap().entrySet()) {
            if (newReadsOld) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old.getValue()),
                        "the new schema reading data written with version " + old.getKey(), problems);
            }
            if (oldReadsNew) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(old.getValue(), candidate),
                        "version " + old.getKey() + " reading data written with the new schema", problems);
            }
        }
        return problems;
    }

    private static void describe(SchemaCompatibility.SchemaPairCompatibility pair, String direction,
                                 List<String> problems) {
        for (Incompatibility i : pair.getResult().getIncompatibilities()) {
            problems.add("{errorType:'" + i.getType() + "', location:'" + i.getLocation() + "', message:'"
                    + i.getMessage() + "', check:'" + direction + "'}");
        }
    }
}
