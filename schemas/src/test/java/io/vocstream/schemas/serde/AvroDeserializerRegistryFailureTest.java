package io.vocstream.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.schemas.EventTopic;
import io.vocstream.schemas.registry.RegistryClientConfig;
import io.vocstream.schemas.registry.RegistryTestServer;
import io.vocstream.schemas.registry.RestSchemaRegistryClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Only a registry's answer that a schema id does not exist condemns a record; a registry that cannot give an answer
 * (down, failing, refusing the credentials) makes reading it a retriable failure.
 */
class AvroDeserializerRegistryFailureTest {
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String TOPIC = "contact-events";

    private final RegistryTestServer server = RegistryTestServer.start();
    private final SpecificRecord event = EventSamples.withEveryField(EventTopic.CONTACT);
    private final byte[] bytes;

    AvroDeserializerRegistryFailureTest() {
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(server.registry());
        serializer.configure(Map.of(), false);
        bytes = serializer.serialize(TOPIC, event);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static AvroDeserializer<Object> deserializerFor(String url) {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryClientConfig.fromProperties(Map.of(
                RegistryClientConfig.URL, url, RegistryClientConfig.REQUEST_RETRIES, 0)));
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>(client);
        deserializer.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return deserializer;
    }

    @Test
    @DisplayName("a registry that refuses connections is a retriable failure naming the schema id")
    void unreachableRegistryIsRetriable() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = socket.getLocalPort();
        }
        AvroDeserializer<Object> deserializer = deserializerFor("http://127.0.0.1:" + deadPort);

        SchemaRegistryUnavailableException e = assertThrows(SchemaRegistryUnavailableException.class,
                () -> deserializer.deserialize(TOPIC, bytes));

        assertTrue(e.getMessage().contains("schema id 1"), e.getMessage());
        assertTrue(e.getMessage().contains("ConnectException"), e.getMessage());
        assertTrue(e instanceof RetriableException);
        assertFalse(SerializationException.class.isInstance(e), "an outage is not a fault of the record");
    }

    @Test
    @DisplayName("5xx, 429 and refused credentials are retriable; once the registry answers, the same bytes decode")
    void failingRegistryIsRetriableUntilItAnswers() {
        AvroDeserializer<Object> deserializer = deserializerFor(server.url());
        server.answerNext(503, CONTENT_TYPE, "{\"error_code\":50003,\"message\":\"Error while forwarding\"}");
        server.answerNext(429, CONTENT_TYPE, "{\"error_code\":429,\"message\":\"Too many requests\"}");
        server.answerNext(401, CONTENT_TYPE, "{\"error_code\":401,\"message\":\"Unauthorized\"}");

        for (String answer : new String[] {"50003", "429", "401"}) {
            SchemaRegistryUnavailableException e = assertThrows(SchemaRegistryUnavailableException.class,
                    () -> deserializer.deserialize(TOPIC, bytes));
            assertTrue(e.getMessage().contains(answer), e.getMessage());
        }
        assertEquals(event, deserializer.deserialize(TOPIC, bytes), "a failure to ask is not remembered");
    }

    @Test
    @DisplayName("an id a reachable registry does not know (40403) is a SerializationException: the record's fault")
    void unknownIdIsTheRecordsFault() {
        AvroDeserializer<Object> deserializer = deserializerFor(server.url());
        byte[] unknownId = bytes.clone();
        unknownId[4] = 99;

        SerializationException e = assertThrows(SerializationException.class,
                () -> deserializer.deserialize(TOPIC, unknownId));

        assertTrue(e.getMessage().contains("schema id 99"), e.getMessage());
        assertTrue(e.getMessage().contains("40403"), e.getMessage());
    }

    @Test
    @DisplayName("a schema fetched once is read from memory: records of known ids decode while the registry is down")
    void knownSchemasSurviveAnOutage() {
        AvroDeserializer<Object> deserializer = deserializerFor(server.url());
        assertEquals(event, deserializer.deserialize(TOPIC, bytes));
        server.close();

        assertEquals(event, deserializer.deserialize(TOPIC, bytes));
    }
}
