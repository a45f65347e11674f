package io.vocstream.schemas.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {
    private static final String ACCEPT = "application/vnd.schemaregistry.v1+json, "
            + "application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Schema ORDER_V1 = SchemaBuilder.record("Order").namespace("test").fields()
            .requiredString("orderId").endRecord();
    private static final Schema ORDER_V2 = SchemaBuilder.record("Order").namespace("test").fields()
            .requiredString("orderId").optionalString("note").endRecord();
    private static final Schema PAYMENT = SchemaBuilder.record("Payment").namespace("test").fields()
            .requiredLong("cents").endRecord();

    private final RegistryTestServer server = RegistryTestServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static RestSchemaRegistryClient clientFor(String urls, Object... settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(RegistryClientConfig.URL, urls);
        config.put(RegistryClientConfig.RETRY_BACKOFF_MS, 1);
        config.put(RegistryClientConfig.RETRY_BACKOFF_MAX_MS, 5);
        for (int i = 0; i < settings.length; i += 2) {
            config.put((String) settings[i], settings[i + 1]);
        }
        return new RestSchemaRegistryClient(RegistryClientConfig.fromProperties(config));
    }

    private RestSchemaRegistryClient client(Object... settings) {
        return clientFor(server.url(), settings);
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Nested
    class Requests {
        @Test
        void registerPostsTheSchemaToTheSubjectsVersionsAndReturnsItsId() throws IOException {
            server.registry().register("other", PAYMENT); // takes id 1, so the order schema gets 2

            int id = client().register("orders-value", ORDER_V1);

            assertEquals(2, id);
            RegistryTestServer.Request request = server.requests().get(0);
            assertEquals("POST", request.method());
            assertEquals("/subjects/orders-value/versions", request.rawPath());
            assertEquals(ACCEPT, request.header("Accept"));
            assertEquals(CONTENT_TYPE, request.header("Content-Type"));
            assertEquals(new ObjectMapper().createObjectNode().put("schema", ORDER_V1.toString()),
                    new ObjectMapper().readTree(request.body()));
            assertEquals(ORDER_V1, server.registry().latest("orders-value").schema());
        }

        @Test
        void idOfPostsTheSchemaToTheSubjectWithoutRegisteringIt() throws IOException {
            server.registry().register("other", PAYMENT);
            server.registry().register("orders-value", ORDER_V1);

            assertEquals(2, client().idOf("orders-value", ORDER_V1));

            RegistryTestServer.Request request = server.requests().get(0);
            assertEquals("POST", request.method());
            assertEquals("/subjects/orders-value", request.rawPath());
            assertEquals(ACCEPT, request.header("Accept"));
            assertEquals(CONTENT_TYPE, request.header("Content-Type"));
            assertEquals(ORDER_V1.toString(), new ObjectMapper().readTree(request.body()).get("schema").asText());
        }

        @Test
        void schemaByIdGetsTheSchemaWithoutABody() {
            server.registry().register("orders-value", ORDER_V1);

            assertEquals(ORDER_V1, client().schemaById(1));

            RegistryTestServer.Request request = server.requests().get(0);
            assertEquals("GET", request.method());
            assertEquals("/schemas/ids/1", request.rawPath());
            assertEquals(ACCEPT, request.header("Accept"));
            assertNull(request.header("Content-Type"));
            assertEquals("", request.body());
        }

        @Test
        void latestGetsTheNewestVersionOfTheSubject() {
            server.registry().register("orders-value", ORDER_V1);
            server.registry().register("payments-value", PAYMENT);
            server.registry().register("orders-value", ORDER_V2);

            RegisteredSchema latest = client().latest("orders-value");

            assertEquals(new RegisteredSchema("orders-value", 2, 3, ORDER_V2), latest);
            assertEquals("GET", server.requests().get(0).method());
            assertEquals("/subjects/orders-value/versions/latest", server.requests().get(0).rawPath());
        }

        @Test
        void subjectsArePercentEncodedAsOnePathSegment() {
            String subject = "team a/orders+v1é";

            client().register(subject, ORDER_V1);

            // ' ' -> %20, '/' -> %2F, '+' -> %2B, 'é' -> UTF-8 C3 A9
            assertEquals("/subjects/team%20a%2Forders%2Bv1%C3%A9/versions", server.requests().get(0).rawPath());
            assertEquals(ORDER_V1, server.registry().latest(subject).schema());
        }

        @Test
        void aPathInTheUrlPrefixesEveryRequestAsApicuriosCompatibleApiNeeds() {
            try (RegistryTestServer apicurio = RegistryTestServer.start(0, "/apis/ccompat/v7")) {
                apicurio.registry().register("orders-value", ORDER_V1);

                assertEquals(ORDER_V1, clientFor(apicurio.url() + "/").schemaById(1));

                assertEquals("/apis/ccompat/v7/schemas/ids/1", apicurio.requests().get(0).rawPath());
            }
        }
    }

    @Nested
    class Caching {
        @Test
        void registeringTheSameSchemaAgainAsksTheRegistryOnce() {
            RestSchemaRegistryClient client = client();

            int first = client.register("orders-value", ORDER_V1);
            int second = client.register("orders-value", ORDER_V1);

            assertEquals(first, second);
            assertEquals(1, server.requests().size());
        }

        @Test
        void anIdLearntByRegisteringAnswersIdOfAndSchemaById() {
            RestSchemaRegistryClient client = client();
            int id = client.register("orders-value", ORDER_V1);

            assertEquals(id, client.idOf("orders-value", ORDER_V1));
            assertEquals(ORDER_V1, client.schemaById(id));
            assertEquals(1, server.requests().size());
        }

        @Test
        void theSameSchemaUnderAnotherSubjectIsAskedFor() {
            RestSchemaRegistryClient client = client();

            client.register("orders-value", ORDER_V1);
            client.register("orders-archive-value", ORDER_V1);

            assertEquals(2, server.requests().size());
        }

        @Test
        void aSchemaFetchedByIdIsFetchedOnce() {
            server.registry().register("orders-value", ORDER_V1);
            RestSchemaRegistryClient client = client();

            client.schemaById(1);
            client.schemaById(1);

            assertEquals(1, server.requests().size());
        }

        @Test
        void latestAsksTheRegistryEveryTimeBecauseNewVersionsMayArrive() {
            server.registry().register("orders-value", ORDER_V1);
            RestSchemaRegistryClient client = client();

            assertEquals(1, client.latest("orders-value").version());
            server.registry().register("orders-value", ORDER_V2);
            assertEquals(2, client.latest("orders-value").version());

            assertEquals(2, server.requests().size());
        }

        @Test
        void theCacheCapacityBoundsWhatIsKept() {
            server.registry().register("a", ORDER_V1);
            server.registry().register("b", ORDER_V2);
            server.registry().register("c", PAYMENT);
            RestSchemaRegistryClient client = client(RegistryClientConfig.CACHE_CAPACITY, 2);

            client.schemaById(1);
            client.schemaById(2);
            client.schemaById(3); // evicts id 1, the oldest
            client.schemaById(3);
            client.schemaById(1);

            assertEquals(List.of("/schemas/ids/1", "/schemas/ids/2", "/schemas/ids/3", "/schemas/ids/1"),
                    server.requests().stream().map(RegistryTestServer.Request::rawPath).toList());
        }
    }

    @Nested
    class Errors {
        @Test
        void anUnknownSubjectIs40401() {
            SchemaRegistryException e = assertThrows(SchemaRegistryException.class,
                    () -> client().latest("nobody-value"));

            assertEquals(404, e.status());
            assertEquals(SchemaRegistryException.SUBJECT_NOT_FOUND, e.errorCode());
            assertTrue(e.isNotFound());
            assertTrue(e.getMessage().contains("Subject 'nobody-value' not found."), e.getMessage());
            assertTrue(e.getMessage().contains("GET " + server.url() + "/subjects/nobody-value/versions/latest"),
                    e.getMessage());
        }

        @Test
        void anUnknownSchemaIdIs40403() {
            SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client().schemaById(99));

            assertEquals(404, e.status());
            assertEquals(SchemaRegistryException.SCHEMA_NOT_FOUND, e.errorCode());
            assertTrue(e.getMessage().contains("Schema 99 not found"), e.getMessage());
        }

        @Test
        void aSchemaNotUnderTheSubjectIs40403() {
            server.registry().register("orders-value", ORDER_V1);

            SchemaRegistryException e = assertThrows(SchemaRegistryException.class,
                    () -> client().idOf("orders-value", ORDER_V2));

            assertEquals(SchemaRegistryException.SCHEMA_NOT_FOUND, e.errorCode());
        }

        @Test
        void anIncompatibleSchemaIs409() {
            server.answerNext(409, CONTENT_TYPE, "{\"error_code\":409,\"message\":\"Schema being registered is "
                    + "incompatible with an earlier schema for subject \\\"orders-value\\\"\"}");

            SchemaRegistryException e = assertThrows(SchemaRegistryException.class,
                    () -> client().register("orders-value", ORDER_V2));

            assertEquals(409, e.status());
            assertEquals(SchemaRegistryException.INCOMPATIBLE_SCHEMA, e.errorCode());
            assertFalse(e.isNotFound());
            assertTrue(e.getMessage().contains("incompatible with an earlier schema for subject \"orders-value\""),
                    e.getMessage());
        }

        @Test
        void anInvalidSchemaIs42201() {
            server.answerNext(422, CONTENT_TYPE, "{\"error_code\":42201,\"message\":\"Invalid schema\"}");

            SchemaRegistryException e = assertThrows(SchemaRegistryException.class,
                    () -> client().register("orders-value", ORDER_V1));

            assertEquals(422, e.status());
            assertEquals(SchemaRegistryException.INVALID_SCHEMA, e.errorCode());
        }

        @Test
        void anErrorBodyThatIsNotJsonStillGivesTheStatusAndTheBody() {
            server.answerNext(404, "text/html", "<html><body>No such page</body></html>");

            SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client().schemaById(1));

            assertEquals(404, e.status());
            assertEquals(404, e.errorCode());
            assertTrue(e.getMessage().contains("answered 404"), e.getMessage());
            assertTrue(e.getMessage().contains("<html><body>No such page</body></html>"), e.getMessage());
        }

        @Test
        void anEmptyErrorBodyIsNamedAsSuch() {
            server.answerNext(401, "text/plain", "");

            SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client().schemaById(1));

            assertEquals(401, e.status());
            assertTrue(e.getMessage().contains("answered 401"), e.getMessage());
            assertTrue(e.getMessage().contains("empty body"), e.getMessage());
        }

        @Test
        void aSuccessfulAnswerWithoutTheExpectedFieldsSaysWhatIsMissing() {
            server.answerNext(200, CONTENT_TYPE, "{\"version\":1}");

            SchemaRegistryException e = assertThrows(SchemaRegistryException.class,
                    () -> client().register("orders-value", ORDER_V1));

            assertEquals(200, e.status());
            assertTrue(e.getMessage().contains("no integer \"id\""), e.getMessage());
        }

        @Test
        void aSchemaThatIsNotAvroIsRefused() {
            server.answerNext(200, CONTENT_TYPE,
                    "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}");

            SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client().schemaById(7));

            assertTrue(e.getMessage().contains("PROTOBUF schema, not Avro"), e.getMessage());
        }
    }

    @Nested
    class FailoverAndRetries {
        @Test
        void aUrlRefusingConnectionsIsSkippedAndTheOneThatAnsweredIsKept() throws IOException {
            server.registry().register("orders-value", ORDER_V1);
            server.registry().register("payments-value", PAYMENT);
            int deadPort = unusedPort();
            RestSchemaRegistryClient client = clientFor("http://127.0.0.1:" + deadPort + "," + server.url(),
                    RegistryClientConfig.REQUEST_RETRIES, 0);

            assertEquals(ORDER_V1, client.schemaById(1));
            assertEquals(1, server.requests().size());

            // The first URL comes back; the client stays with the second, which answered last.
            try (RegistryTestServer revived = RegistryTestServer.start(deadPort, "")) {
                assertEquals(PAYMENT, client.schemaById(2));
                assertEquals(2, server.requests().size());
                assertEquals(0, revived.requests().size());
            }
        }

        @Test
        void whenNoUrlCanBeReachedTheErrorNamesTheRequestAndTheCause() throws IOException {
            String dead = "http://127.0.0.1:" + unusedPort();
            RestSchemaRegistryClient client = clientFor(dead, RegistryClientConfig.REQUEST_RETRIES, 1);

            SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client.schemaById(1));

            assertEquals(-1, e.status());
            assertTrue(e.getMessage().contains("GET /schemas/ids/1 in 2 rounds"), e.getMessage());
            assertTrue(e.getMessage().contains("ConnectException"), e.getMessage());
        }

        @Test
        void serviceUnavailableIsRetriedUntilTheRegistryAnswers() {
            server.registry().register("orders-value", ORDER_V1);
            String unavailable = "{\"error_code\":50003,\"message\":\"Error while forwarding the request\"}";
            server.answerNext(503, CONTENT_TYPE, unavailable);
            server.answerNext(503, CONTENT_TYPE, unavailable);

            assertEquals(ORDER_V1, client(RegistryClientConfig.REQUEST_RETRIES, 2).schemaById(1));

            assertEquals(3, server.requests().size());
        }

        @Test
        void tooManyRequestsIsRetried() {
            server.registry().register("orders-value", ORDER_V1);
            server.answerNext(429, CONTENT_TYPE, "{\"error_code\":429,\"message\":\"Too many requests\"}");

            assertEquals(ORDER_V1, client().schemaById(1));

            assertEquals(2, server.requests().size());
        }

        @Test
        void retriesAreBoundedAndTheLastAnswerIsReported() {
            for (int i = 0; i < 3; i++) {
                server.answerNext(503, CONTENT_TYPE, "{\"error_code\":50003,\"message\":\"primary unavailable\"}");
            }

            SchemaRegistryException e = assertThrows(SchemaRegistryException.class,
                    () -> client(RegistryClientConfig.REQUEST_RETRIES, 2).schemaById(1));

            assertEquals(3, server.requests().size());
            assertEquals(503, e.status());
            assertEquals(50003, e.errorCode());
            assertTrue(e.getMessage().contains("3 rounds"), e.getMessage());
            assertTrue(e.getMessage().contains("primary unavailable"), e.getMessage());
        }

        @Test
        void aClientErrorIsNeitherRetriedNorSentToAnotherUrl() {
            try (RegistryTestServer second = RegistryTestServer.start()) {
                RestSchemaRegistryClient client = clientFor(server.url() + "," + second.url(),
                        RegistryClientConfig.REQUEST_RETRIES, 3);

                SchemaRegistryException e = assertThrows(SchemaRegistryException.class,
                        () -> client.schemaById(1));

                assertEquals(SchemaRegistryException.SCHEMA_NOT_FOUND, e.errorCode());
                assertEquals(1, server.requests().size());
                assertEquals(0, second.requests().size());
            }
        }
    }

    @Nested
    class BasicAuth {
        @Test
        void userInfoCredentialsAreSentWithEveryRequest() {
            server.registry().register("orders-value", ORDER_V1);

            client(RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                    RegistryClientConfig.BASIC_AUTH_USER_INFO, "bob:s3cret:with:colons").schemaById(1);

            // base64("bob:s3cret:with:colons"): the password is everything after the first colon
            assertEquals("Basic Ym9iOnMzY3JldDp3aXRoOmNvbG9ucw==", server.requests().get(0).header("Authorization"));
        }

        @Test
        void urlCredentialsComeFromTheUrlAndArePercentDecoded() {
            server.registry().register("orders-value", ORDER_V1);
            String url = server.url().replace("http://", "http://alice:p%40ss@");

            clientFor(url, RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "URL").schemaById(1);

            assertEquals("Basic YWxpY2U6cEBzcw==", server.requests().get(0).header("Authorization")); // alice:p@ss
        }

        @Test
        void withUserInfoAsSourceCredentialsInTheUrlAreIgnored() {
            server.registry().register("orders-value", ORDER_V1);
            String url = server.url().replace("http://", "http://alice:p%40ss@");

            clientFor(url, RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                    RegistryClientConfig.BASIC_AUTH_USER_INFO, "url-user:url-pass").schemaById(1);

            assertEquals("Basic dXJsLXVzZXI6dXJsLXBhc3M=", server.requests().get(0).header("Authorization"));
        }

        @Test
        void withoutCredentialsNoAuthorizationHeaderIsSent() {
            server.registry().register("orders-value", ORDER_V1);

            client().schemaById(1);

            assertNull(server.requests().get(0).header("Authorization"));
        }

        @Test
        void toStringNamesTheUserButNeverThePassword() {
            String url = server.url().replace("http://", "http://alice:p%40ss@");

            String description = clientFor(url).toString();

            assertTrue(description.contains(server.url() + " as alice"), description);
            assertFalse(description.contains("p@ss") || description.contains("p%40ss"), description);
        }
    }
}
