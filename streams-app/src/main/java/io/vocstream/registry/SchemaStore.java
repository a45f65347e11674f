package io.vocstream.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.avro.Schema;

/**
 * The registry's operations with Confluent Schema Registry's semantics: ids, versions, soft and permanent deletes,
 * compatibility levels. Reads answer from {@link RegistryState}; every change is appended to the {@link SchemaLog}
 * and is visible once the call returns.
 */
final class SchemaStore {
    static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;
    static final String AVRO = "AVRO";

    private final RegistryState state;
    private final SchemaLog log;
    /** Changes decide on the current state and then append: one at a time, or two could take the same version. */
    private final ReentrantLock writer = new ReentrantLock();
    private final Map<String, Schema> parsedSchemas = new ConcurrentHashMap<>();

    SchemaStore(RegistryState state, SchemaLog log) {
        this.state = state;
        this.log = log;
    }

    /** A schema as a client sends it for registration, lookup or a compatibility check. */
    record Candidate(String schema, String schemaType, List<Object> references) {
    }

    /**
     * Registers the schema under the subject and returns its global id. A schema the subject already has keeps its
     * version and id; a schema known under another subject keeps its id.
     */
    int register(String subject, Candidate candidate) {
        Schema schema = parse(candidate);
        String canonical = schema.toString();
        writer.lock();
        try {
            List<SchemaVersion> all = state.versions(subject);
            List<SchemaVersion> live = visible(all, false);
            Optional<SchemaVersion> existing = live.stream().filter(v -> v.schema().equals(canonical)).findFirst();
            if (existing.isPresent()) {
                return existing.get().id();
            }
            List<String> incompatibilities = incompatibilities(subject, schema, live);
            if (!incompatibilities.isEmpty()) {
                throw RegistryException.incompatible(subject, incompatibilities);
            }
            int id = state.idOf(canonical).orElse(state.maxId() + 1);
            int version = all.isEmpty() ? 1 : all.get(all.size() - 1).version() + 1;
            log.append(new SchemaVersion(subject, version, id, canonical, false));
            return id;
        } finally {
            writer.unlock();
        }
    }

    /** The version of the subject that holds this schema. */
    SchemaVersion lookup(String subject, Candidate candidate, boolean includeDeleted) {
        String canonical = parse(candidate).toString();
        List<SchemaVersion> versions = visible(state.versions(subject), includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions.stream()
                .filter(v -> v.schema().equals(canonical))
                .reduce((earlier, later) -> later)
                .orElseThrow(RegistryException::schemaNotFound);
    }

    SchemaVersion version(String subject, VersionId versionId, boolean includeDeleted) {
        return find(subject, versionId, includeDeleted).orElseThrow(() ->
                visible(state.versions(subject), includeDeleted).isEmpty()
                        ? RegistryException.subjectNotFound(subject)
                        : RegistryException.versionNotFound(versionId));
    }

    List<Integer> versionNumbers(String subject, boolean includeDeleted) {
        List<SchemaVersion> versions = visible(state.versions(subject), includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions.stream().map(SchemaVersion::version).toList();
    }

    List<String> subjects(boolean includeDeleted) {
        return state.subjects().stream()
                .filter(subject -> !visible(state.versions(subject), includeDeleted).isEmpty())
                .toList();
    }

    String schemaById(int id) {
        return state.versionsWithId(id).stream()
                .findFirst()
                .orElseThrow(() -> RegistryException.schemaNotFound(String.valueOf(id)))
                .schema();
    }

    /** The versions, under any subject, that hold the schema with this id. */
    List<SchemaVersion> versionsById(int id, boolean includeDeleted) {
        List<SchemaVersion> versions = state.versionsWithId(id);
        if (versions.isEmpty()) {
            throw RegistryException.schemaNotFound(String.valueOf(id));
        }
        return visible(versions, includeDeleted);
    }

    /**
     * Soft-deletes every live version of the subject, or with {@code permanent} erases a soft-deleted subject and
     * its compatibility setting; returns the versions deleted.
     */
    List<Integer> deleteSubject(String subject, boolean permanent) {
        writer.lock();
        try {
            List<SchemaVersion> all = state.versions(subject);
            if (all.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            List<SchemaVersion> live = visible(all, false);
            if (!permanent) {
                if (live.isEmpty()) {
                    throw RegistryException.subjectSoftDeleted(subject);
                }
                log.append(new LogEntry.SubjectSoftDeleted(subject, live.get(live.size() - 1).version()));
                return live.stream().map(SchemaVersion::version).toList();
            }
            if (!live.isEmpty()) {
                throw RegistryException.subjectNotSoftDeleted(subject);
            }
            for (int i = all.size() - 1; i >= 0; i--) {
                log.append(new LogEntry.VersionErased(subject, all.get(i).version()));
            }
            forgetSubjectLevel(subject);
            return all.stream().map(SchemaVersion::version).toList();
        } finally {
            writer.unlock();
        }
    }

    /** Soft-deletes one version, or with {@code permanent} erases a soft-deleted one; returns its number. */
    int deleteVersion(String subject, VersionId versionId, boolean permanent) {
        writer.lock();
        try {
            SchemaVersion target = version(subject, versionId, true);
            if (!permanent && target.deleted()) {
                throw RegistryException.versionSoftDeleted(subject, target.version());
            }
            if (permanent && !target.deleted()) {
                throw RegistryException.versionNotSoftDeleted(subject, target.version());
            }
            if (!permanent) {
                log.append(target.softDeleted());
            } else {
                log.append(new LogEntry.VersionErased(subject, target.version()));
                if (state.versions(subject).isEmpty()) {
                    forgetSubjectLevel(subject);
                }
            }
            return target.version();
        } finally {
            writer.unlock();
        }
    }

    /**
     * Why the candidate could not be registered after the given live version ("latest": the newest one) under the
     * subject's level; empty when it could. With no live version to compare with, "latest" is compatible.
     */
    List<String> checkAgainstVersion(String subject, VersionId versionId, Candidate candidate) {
        Schema schema = parse(candidate);
        Optional<SchemaVersion> target = find(subject, versionId, false);
        if (target.isEmpty() && !versionId.isLatest()) {
            throw RegistryException.versionNotFound(versionId);
        }
        return incompatibilities(subject, schema, target.map(List::of).orElse(List.of()));
    }

    /** Why the candidate could not be registered under the subject now; the check registration makes. */
    List<String> checkAgainstAll(String subject, Candidate candidate) {
        return incompatibilities(subject, parse(candidate), visible(state.versions(subject), false));
    }

    CompatibilityLevel globalLevel() {
        return state.globalLevel().orElse(DEFAULT_LEVEL);
    }

    Optional<CompatibilityLevel> subjectLevel(String subject) {
        return state.subjectLevel(subject);
    }

    /** The level that applies to the subject: its own, else the global one. */
    CompatibilityLevel effectiveLevel(String subject) {
        return state.subjectLevel(subject).orElseGet(this::globalLevel);
    }

    void setLevel(String subjectOrNullForGlobal, CompatibilityLevel level) {
        writer.lock();
        try {
            log.append(new LogEntry.ConfigSet(subjectOrNullForGlobal, level));
        } finally {
            writer.unlock();
        }
    }

    /** Removes the subject's own level and returns it. */
    CompatibilityLevel clearSubjectLevel(String subject) {
        writer.lock();
        try {
            CompatibilityLevel previous = state.subjectLevel(subject)
                    .orElseThrow(() -> RegistryException.subjectNotFound(subject));
            log.append(new LogEntry.ConfigCleared(subject));
            return previous;
        } finally {
            writer.unlock();
        }
    }

    /** Resets the global level to the default and returns the one it replaced. */
    CompatibilityLevel clearGlobalLevel() {
        writer.lock();
        try {
            CompatibilityLevel previous = globalLevel();
            if (state.globalLevel().isPresent()) {
                log.append(new LogEntry.ConfigCleared(null));
            }
            return previous;
        } finally {
            writer.unlock();
        }
    }

    private Optional<SchemaVersion> find(String subject, VersionId versionId, boolean includeDeleted) {
        if (versionId.isLatest()) {
            List<SchemaVersion> live = visible(state.versions(subject), false);
            return live.isEmpty() ? Optional.empty() : Optional.of(live.get(live.size() - 1));
        }
        return state.version(subject, versionId.number()).filter(v -> includeDeleted || !v.deleted());
    }

    private void forgetSubjectLevel(String subject) {
        if (state.subjectLevel(subject).isPresent()) {
            log.append(new LogEntry.ConfigCleared(subject));
        }
    }

    private List<String> incompatibilities(String subject, Schema candidate, List<SchemaVersion> previous) {
        CompatibilityLevel level = effectiveLevel(subject);
        NavigableMap<Integer, Schema> previousSchemas = new TreeMap<>();
        previous.forEach(v -> previousSchemas.put(v.version(), parsedSchemas.computeIfAbsent(v.schema(),
                text -> new Schema.Parser().parse(text))));
        List<String> problems = new ArrayList<>(level.incompatibilities(candidate, previousSchemas));
        if (!problems.isEmpty()) {
            problems.add("{compatibility: '" + level + "'}");
        }
        return problems;
    }

    private static Schema parse(Candidate candidate) {
        if (candidate.schemaType() != null && !candidate.schemaType().equals(AVRO)) {
            throw RegistryException.invalidSchema("Invalid schema type " + candidate.schemaType()
                    + ": this registry supports " + AVRO + " only");
        }
        if (candidate.references() != null && !candidate.references().isEmpty()) {
            throw RegistryException.invalidSchema("Schema references are not supported by this registry; register"
                    + " the schema with the types it references defined inline");
        }
        if (candidate.schema() == null || candidate.schema().isBlank()) {
            throw RegistryException.invalidSchema("Empty schema");
        }
        try {
            return new Schema.Parser().parse(candidate.schema());
        } catch (RuntimeException e) {
            // mostly SchemaParseException, but Avro 1.12 reports a schema that is only an undefined name ("strnig")
            // with a NullPointerException: whatever the parser throws, the text sent was at fault
            throw RegistryException.invalidSchema("Invalid schema of type " + AVRO + ", details: " + e.getMessage());
        }
    }

    private static List<SchemaVersion> visible(List<SchemaVersion> versions, boolean includeDeleted) {
        return includeDeleted ? versions : versions.stream().filter(v -> !v.deleted()).toList();
    }
}
