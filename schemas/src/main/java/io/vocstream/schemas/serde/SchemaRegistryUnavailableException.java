package io.vocstream.schemas.serde;

import org.apache.kafka.common.errors.RetriableException;

/**
 * A record could not be read because the schema registry gave no verdict on its schema id (unreachable, failing,
 * or refusing this client's credentials): nothing is known to be wrong with the record, and reading it again once
 * the registry answers may succeed. Unlike a {@link org.apache.kafka.common.errors.SerializationException}, this is
 * no reason to set the record aside.
 */
public class SchemaRegistryUnavailableException extends RetriableException {
    public SchemaRegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
