package io.vocstream.registry;

/**
 * A change to the registry as recorded in the schemas topic. Replaying every entry in offset order rebuilds the
 * registry; the topic is compacted, so each entry's key names what it overwrites.
 */
sealed interface LogEntry permits SchemaVersion, LogEntry.VersionErased, LogEntry.SubjectSoftDeleted,
        LogEntry.ConfigSet, LogEntry.ConfigCleared {

    /** A version deleted permanently: the tombstone of its {@link SchemaVersion} entry. */
    record VersionErased(String subject, int version) implements LogEntry {
    }

    /** Every version of a subject up to {@code upToVersion} soft-deleted at once. */
    record SubjectSoftDeleted(String subject, int upToVersion) implements LogEntry {
    }

    /** The compatibility level of a subject, or the global level when {@code subject} is null. */
    record ConfigSet(String subject, CompatibilityLevel level) implements LogEntry {
    }

    /** A subject's level removed (it falls back to the global one), or the global one when {@code subject} is null. */
    record ConfigCleared(String subject) implements LogEntry {
    }
}
