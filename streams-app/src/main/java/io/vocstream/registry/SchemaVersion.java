package io.vocstream.registry;

/**
 * One version of a subject: the schema registered under it (in Avro's compact canonical JSON), its global id, and
 * whether it has been soft-deleted. It is also the log entry that records the version.
 */
record SchemaVersion(String subject, int version, int id, String schema, boolean deleted) implements LogEntry {

    SchemaVersion softDeleted() {
        return new SchemaVersion(subject, version, id, schema, true);
    }
}
