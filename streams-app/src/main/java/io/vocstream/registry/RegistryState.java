package io.vocstream.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Everything the registry knows, as rebuilt from the schemas topic: each subject's versions (soft-deleted ones
 * included) and the compatibility settings. Only the topic reader changes it, by {@link #apply}ing entries in
 * offset order; request threads read it.
 */
final class RegistryState {
    private final Map<String, NavigableMap<Integer, SchemaVersion>> versionsBySubject = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    /** The highest id ever read, kept even when its versions are erased, so that ids are never handed out twice. */
    private int maxId;

    synchronized void apply(LogEntry entry) {
        if (entry instanceof SchemaVersion v) {
            versionsBySubject.computeIfAbsent(v.subject(), s -> new TreeMap<>()).put(v.version(), v);
            maxId = Math.max(maxId, v.id());
        } else if (entry instanceof LogEntry.VersionErased e) {
            NavigableMap<Integer, SchemaVersion> versions = versionsBySubject.get(e.subject());
            if (versions != null) {
                versions.remove(e.version());
                if (versions.isEmpty()) {
                    versionsBySubject.remove(e.subject());
                }
            }
        } else if (entry instanceof LogEntry.SubjectSoftDeleted d) {
            NavigableMap<Integer, SchemaVersion> versions = versionsBySubject.get(d.subject());
            if (versions != null) {
                versions.headMap(d.upToVersion(), true).replaceAll((version, v) -> v.softDeleted());
            }
        } else if (entry instanceof LogEntry.ConfigSet c) {
            if (c.subject() == null) {
                globalLevel = c.level();
            } else {
                subjectLevels.put(c.subject(), c.level());
            }
        } else if (entry instanceof LogEntry.ConfigCleared c) {
            if (c.subject() == null) {
                globalLevel = null;
            } else {
                subjectLevels.remove(c.subject());
            }
        }
    }

    /** The subject's versions in ascending order, soft-deleted ones included; empty for an unknown subject. */
    synchronized List<SchemaVersion> versions(String subject) {
        NavigableMap<Integer, SchemaVersion> versions = versionsBySubject.get(subject);
        return versions == null ? List.of() : List.copyOf(versions.values());
    }

    synchronized Optional<SchemaVersion> version(String subject, int version) {
        NavigableMap<Integer, SchemaVersion> versions = versionsBySubject.get(subject);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    /** Every subject with at least one version record, soft-deleted or not, in name order. */
    synchronized List<String> subjects() {
        return List.copyOf(versionsBySubject.keySet());
    }

    /** Every version, under any subject, that holds the schema with this id. */
    synchronized List<SchemaVersion> versionsWithId(int id) {
        List<SchemaVersion> found = new ArrayList<>();
        versionsBySubject.values().forEach(versions -> versions.values().stream()
                .filter(v -> v.id() == id)
                .forEach(found::add));
        return found;
    }

    /** The id the schema (in canonical form) was registered with under any subject, if it was. */
    synchronized OptionalInt idOf(String schema) {
        return versionsBySubject.values().stream()
                .flatMap(versions -> versions.values().stream())
                .filter(v -> v.schema().equals(schema))
                .mapToInt(SchemaVersion::id)
                .findFirst();
    }

    synchronized int maxId() {
        return maxId;
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    synchronized Optional<CompatibilityLevel> globalLevel() {
        return Optional.ofNullable(globalLevel);
    }
}
