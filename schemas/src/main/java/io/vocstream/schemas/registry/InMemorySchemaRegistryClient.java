package io.vocstream.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * A registry held in this process's memory, for topology tests that run without a registry server. Ids are global
 * and the same schema gets the same id under every subject, as in the real registry; registration does not check
 * compatibility, {@link #isCompatible} checks BACKWARD compatibility with the latest version (the registry's default).
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {
    private final Map<Schema, Integer> idsBySchema = new HashMap<>();
    private final List<Schema> schemasById = new ArrayList<>();
    private final Map<String, List<Schema>> versionsBySubject = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        int id = idsBySchema.computeIfAbsent(schema, s -> {
            schemasById.add(s);
            return schemasById.size();
        });
        List<Schema> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(schema)) {
            versions.add(schema);
        }
        return id;
    }

    @Override
    public synchronized int idOf(String subject, Schema schema) {
        List<Schema> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw new SchemaRegistryException("Subject '" + subject + "' not found.", 404,
                    SchemaRegistryException.SUBJECT_NOT_FOUND);
        }
        if (!versions.contains(schema)) {
            throw new SchemaRegistryException("Schema not found under subject '" + subject + "'.", 404,
                    SchemaRegistryException.SCHEMA_NOT_FOUND);
        }
        return idsBySchema.get(schema);
    }

    @Override
    public synchronized Schema schemaById(int id) {
        if (id < 1 || id > schemasById.size()) {
            throw new SchemaRegistryException("Schema " + id + " not found", 404,
                    SchemaRegistryException.SCHEMA_NOT_FOUND);
        }
        return schemasById.get(id - 1);
    }

    @Override
    public synchronized boolean isCompatible(String subject, Schema schema) {
        List<Schema> versions = versionsBySubject.get(subject);
        return versions == null || SchemaCompatibility.checkReaderWriterCompatibility(schema,
                versions.get(versions.size() - 1)).getType() == SchemaCompatibilityType.COMPATIBLE;
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        List<Schema> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw new SchemaRegistryException("Subject '" + subject + "' not found.", 404,
                    SchemaRegistryException.SUBJECT_NOT_FOUND);
        }
        Schema schema = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, versions.size(), idsBySchema.get(schema), schema);
    }

    @Override
    public void close() {
    }
}
