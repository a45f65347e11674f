package io.vocstream.schemas.registry;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry REST API that serdes and applications need. Implementations must be
 * safe for concurrent use: one client is shared by every serde of a process.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /**
     * Registers {@code schema} under {@code subject} ({@code POST /subjects/{subject}/versions}), or finds it there
     * if it is already registered, and returns its global id.
     *
     * @throws SchemaRegistryException with error code 409 if the subject's compatibility rule rejects it
     */
    int register(String subject, Schema schema);

    /**
     * The global id of {@code schema} as already registered under {@code subject} ({@code POST /subjects/{subject}}),
     * without registering it.
     *
     * @throws SchemaRegistryException with error code 40401 or 40403 if it is not registered there
     */
    int idOf(String subject, Schema schema);

    /**
     * The schema with global id {@code id} ({@code GET /schemas/ids/{id}}).
     *
     * @throws SchemaRegistryException with error code 40403 if no schema has that id
     */
    Schema schemaById(int id);

    /**
     * Whether {@code subject}'s compatibility rule would accept {@code schema} as its next version
     * ({@code POST /compatibility/subjects/{subject}/versions/latest}); a subject without versions accepts anything.
     */
    boolean isCompatible(String subject, Schema schema);

    /** The newest version registered under {@code subject} ({@code GET /subjects/{subject}/versions/latest}). */
    RegisteredSchema latest(String subject);

    @Override
    void close();
}
