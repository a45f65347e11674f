package io.vocstream.registry;

import io.javalin.Javalin;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry that speaks the Confluent Schema Registry REST API (Avro schemas), so that clients written for
 * Confluent work against it unchanged. Its state lives in a compacted Kafka topic, so registered schemas, their
 * ids and the compatibility settings survive a restart.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);

    private final SchemaLog schemaLog;
    private final Javalin http;
    private final String url;

    private EmbeddedSchemaRegistry(SchemaLog schemaLog, Javalin http, String url) {
        this.schemaLog = schemaLog;
        this.http = http;
        this.url = url;
    }

    /**
     * Reads the registry's state from {@code schemasTopic} (creating the topic if it is missing: one partition,
     * compacted, {@code replicationFactor} replicas), then serves the API on {@code host:port} (port 0 picks a
     * free one).
     *
     * @param kafkaClientProps must contain {@code bootstrap.servers}, and any security settings the cluster needs
     */
    public static EmbeddedSchemaRegistry start(Map<String, Object> kafkaClientProps, String schemasTopic,
                                               short replicationFactor, String host, int port) {
        RegistryState state = new RegistryState();
        SchemaLog schemaLog = SchemaLog.open(kafkaClientProps, schemasTopic, replicationFactor, state::apply);
        try {
            Javalin http = RegistryRoutes.server(new SchemaStore(state, schemaLog)).start(host, port);
            String url = "http://" + urlHost(host) + ":" + http.port();
            log.info("schema registry serving {} subjects at {} (state in topic {})", state.subjects().size(), url,
                    schemasTopic);
            return new EmbeddedSchemaRegistry(schemaLog, http, url);
        } catch (RuntimeException e) {
            schemaLog.close();
            throw e;
        }
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8081}. */
    public String url() {
        return url;
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        http.stop();
        schemaLog.close();
    }

    /** A wildcard bind address is reachable on loopback; an IPv6 literal needs brackets in a URL. */
    private static String urlHost(String host) {
        if (host.equals("0.0.0.0") || host.equals("::")) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
