package io.vocstream.schemas.serde;

import io.vocstream.schemas.registry.RegistryClientConfig;
import io.vocstream.schemas.registry.RestSchemaRegistryClient;
import io.vocstream.schemas.registry.SchemaRegistryClient;
import java.util.Map;

/**
 * The registry client of one serializer or deserializer: either shared and owned by the caller, or created from
 * the serde's settings (when Kafka instantiates the serde by class name) and closed with it.
 */
final class RegistryHandle {
    private SchemaRegistryClient client;
    private final boolean owned;

    private RegistryHandle(SchemaRegistryClient client, boolean owned) {
        this.client = client;
        this.owned = owned;
    }

    static RegistryHandle shared(SchemaRegistryClient client) {
        return new RegistryHandle(client, false);
    }

    static RegistryHandle fromSettings() {
        return new RegistryHandle(null, true);
    }

    void configure(Map<String, ?> settings) {
        if (owned && client == null) {
            client = new RestSchemaRegistryClient(RegistryClientConfig.fromProperties(settings));
        }
    }

    SchemaRegistryClient client() {
        if (client == null) {
            throw new IllegalStateException("serde used before configure(): no schema registry client");
        }
        return client;
    }

    void close() {
        if (owned && client != null) {
            client.close();
        }
    }
}
