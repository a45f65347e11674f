package io.vocstream.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocstream.registry.RegistryHttp.Response;
import io.vocstream.runtime.EmbeddedKafka;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry against a real broker, through plain HTTP, checked against what Confluent Schema Registry answers.
 * Tests share one registry and keep apart by using their own subjects; tests that change global settings or
 * restart the registry get their own schemas topic.
 */
class EmbeddedSchemaRegistryTest {
    private static final String COMPLAINT_V1 = """
            {
              "type": "record",
              "name": "Complaint",
              "namespace": "io.vocstream.test",
              "fields": [
                {"name": "id", "type": "string"},
                {"name": "severity", "type": "int"}
              ]
            }""";
    /** COMPLAINT_V1 as Avro prints it: the form the registry stores and returns. */
    private static final String COMPLAINT_V1_CANONICAL = "{\"type\":\"record\",\"name\":\"Complaint\","
            + "\"namespace\":\"io.vocstream.test\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
            + "{\"name\":\"severity\",\"type\":\"int\"}]}";
    /** V1 plus an optional field with a default: BACKWARD compatible. */
    private static final String COMPLAINT_V2 = COMPLAINT_V1.replace("{\"name\": \"severity\", \"type\": \"int\"}",
            "{\"name\": \"severity\", \"type\": \"int\"},\n"
                    + "    {\"name\": \"channel\", \"type\": [\"null\", \"string\"], \"default\": null}");
    private static final String COMPLAINT_V2_CANONICAL = COMPLAINT_V1_CANONICAL.replace("]}",
            ",{\"name\":\"channel\",\"type\":[\"null\",\"string\"],\"default\":null}]}");
    /** V1 plus a field without a default: a new reader cannot read V1 data, so not BACKWARD compatible. */
    private static final String COMPLAINT_V3 = COMPLAINT_V1.replace("{\"name\": \"severity\", \"type\": \"int\"}",
            "{\"name\": \"severity\", \"type\": \"int\"}, {\"name\": \"priority\", \"type\": \"int\"}");
    private static final String SURVEY = "{\"type\":\"record\",\"name\":\"Survey\",\"fields\":"
            + "[{\"name\":\"score\",\"type\":\"int\"}]}";
    private static final String REPAIR = "{\"type\":\"record\",\"name\":\"Repair\",\"fields\":"
            + "[{\"name\":\"order\",\"type\":\"string\"}]}";

    @TempDir
    static Path kafkaDir;
    private static EmbeddedKafka kafka;
    private static EmbeddedSchemaRegistry shared;
    private static RegistryHttp http;

    @BeforeAll
    static void startBrokerAndRegistry() {
        kafka = EmbeddedKafka.start(kafkaDir);
        shared = startRegistry("_schemas");
        http = new RegistryHttp(shared.url());
    }

    @AfterAll
    static void stopAll() {
        if (shared != null) {
            shared.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static EmbeddedSchemaRegistry startRegistry(String topic) {
        return EmbeddedSchemaRegistry.start(Map.of("bootstrap.servers", kafka.bootstrapServers()), topic, (short) 1,
                "127.0.0.1", 0);
    }

    @Test
    @DisplayName("registering the same schema twice, even formatted differently, returns its id and adds no version")
    void sameSchemaTwice() {
        int first = http.registerOk("twice-value", COMPLAINT_V1);
        int again = http.registerOk("twice-value", COMPLAINT_V1_CANONICAL);

        assertEquals(first, again);
        Response versions = http.get("/subjects/twice-value/versions");
        assertEquals(200, versions.status());
        assertEquals(List.of(1), ints(versions.json()));
    }

    @Test
    @DisplayName("the same schema under another subject gets the same global id, as version 1 there")
    void sameSchemaOtherSubject() {
        int id = http.registerOk("shared-a-value", REPAIR);
        int sameId = http.registerOk("shared-b-value", REPAIR);

        assertEquals(id, sameId);
        Response version = http.get("/subjects/shared-b-value/versions/1");
        assertEquals(id, version.json().get("id").asInt());
        Response subjects = http.get("/schemas/ids/" + id + "/subjects");
        assertEquals(List.of("shared-a-value", "shared-b-value"), texts(subjects.json()));
        Response versionsOfId = http.get("/schemas/ids/" + id + "/versions");
        assertEquals("[{\"subject\":\"shared-a-value\",\"version\":1},{\"subject\":\"shared-b-value\",\"version\":1}]",
                versionsOfId.body());
    }

    @Test
    @DisplayName("a backward-compatible change (new optional field with default) becomes version 2 with a new id")
    void backwardCompatibleChange() {
        int v1 = http.registerOk("evolve-value", COMPLAINT_V1);
        int v2 = http.registerOk("evolve-value", COMPLAINT_V2);

        assertNotEquals(v1, v2);
        assertEquals(List.of(1, 2), ints(http.get("/subjects/evolve-value/versions").json()));
        Response latest = http.get("/subjects/evolve-value/versions/latest");
        assertEquals(200, latest.status());
        assertEquals(RegistryHttp.SR_JSON, latest.contentType());
        assertEquals("evolve-value", latest.json().get("subject").asText());
        assertEquals(2, latest.json().get("version").asInt());
        assertEquals(v2, latest.json().get("id").asInt());
        assertEquals(COMPLAINT_V2_CANONICAL, latest.json().get("schema").asText());
        assertEquals(latest.json(), http.get("/subjects/evolve-value/versions/-1").json());
        assertEquals(COMPLAINT_V1_CANONICAL, http.get("/subjects/evolve-value/versions/1/schema").body());
    }

    @Test
    @DisplayName("an incompatible change (new field without default under BACKWARD) is refused with 409 naming it")
    void incompatibleChange() {
        http.registerOk("strict-value", COMPLAINT_V1);

        Response refused = http.register("strict-value", COMPLAINT_V3);

        assertEquals(409, refused.status());
        assertEquals(409, refused.errorCode());
        String message = refused.json().get("message").asText();
        assertTrue(message.contains("READER_FIELD_MISSING_DEFAULT_VALUE") && message.contains("priority"), message);
        assertEquals(List.of(1), ints(http.get("/subjects/strict-value/versions").json()));
    }

    @Test
    @DisplayName("unknown ids, subjects and versions get 404 with Confluent's error codes")
    void notFoundErrors() {
        http.registerOk("known-value", COMPLAINT_V1);

        assertError(404, 40403, http.get("/schemas/ids/987654"));
        assertError(404, 40403, http.get("/schemas/ids/987654/schema"));
        assertError(404, 40401, http.get("/subjects/never-registered/versions"));
        assertError(404, 40401, http.get("/subjects/never-registered/versions/1"));
        assertError(404, 40402, http.get("/subjects/known-value/versions/7"));
        assertError(404, 404, http.get("/no/such/route"));
        assertError(404, 404, http.send("PATCH", "/subjects/known-value/versions", "{}", RegistryHttp.SR_JSON));
    }

    @Test
    @DisplayName("bad input gets 4xx with Confluent's error codes and a message saying what is wrong")
    void badInputErrors() {
        Response invalidSchema = http.register("bad-value", "{\"type\":\"record\",\"name\":\"R\",\"fields\":"
                + "[{\"name\":\"a\",\"type\":\"strnig\"}]}");
        assertError(422, 42201, invalidSchema);
        assertTrue(invalidSchema.json().get("message").asText().contains("strnig"), invalidSchema.body());

        assertError(422, 42201, http.register("bad-value", "not json at all"));
        assertError(422, 42201, http.register("bad-value", "\"strnig\""));
        assertError(422, 42201, http.post("/subjects/bad-value/versions", Map.of("schemaType", "AVRO")));
        assertError(422, 42201, http.post("/subjects/bad-value/versions",
                Map.of("schema", "syntax = \"proto3\";", "schemaType", "PROTOBUF")));
        assertError(422, 42201, http.post("/subjects/bad-value/versions", Map.of("schema", COMPLAINT_V1,
                "references", List.of(Map.of("name", "x", "subject", "y", "version", 1)))));
        assertError(422, 42202, http.get("/subjects/bad-value/versions/zero"));
        assertError(422, 42202, http.get("/subjects/bad-value/versions/0"));
        assertError(422, 42203, http.put("/config/bad-value", Map.of("compatibility", "SIDEWAYS")));
        assertError(400, 400, http.send("POST", "/subjects/bad-value/versions", "{\"schema\": ", RegistryHttp.SR_JSON));
        assertError(415, 415, http.send("POST", "/subjects/bad-value/versions", "schema=x", "text/plain"));
        assertError(404, 40401, http.get("/subjects/bad-value/versions"));
    }

    @Test
    @DisplayName("request bodies are accepted as application/json and application/octet-stream too")
    void requestContentTypes() {
        String body = RegistryHttp.toJson(Map.of("schema", SURVEY));
        Response asJson = http.send("POST", "/subjects/types-a-value/versions", body, "application/json");
        Response asOctets = http.send("POST", "/subjects/types-b-value/versions", body, "application/octet-stream");

        assertEquals(200, asJson.status(), asJson.body());
        assertEquals(200, asOctets.status(), asOctets.body());
        assertEquals(asJson.json().get("id"), asOctets.json().get("id"));
    }

    @Test
    @DisplayName("a subject's compatibility level takes effect, is reported, and falls back to the global one")
    void subjectConfig() {
        http.registerOk("lenient-value", COMPLAINT_V1);
        assertError(404, 40408, http.get("/config/lenient-value"));
        assertEquals("BACKWARD", http.get("/config/lenient-value?defaultToGlobal=true").json()
                .get("compatibilityLevel").asText());

        Response update = http.put("/config/lenient-value", Map.of("compatibility", "none"));
        assertEquals(200, update.status());
        assertEquals("{\"compatibility\":\"NONE\"}", update.body());
        assertEquals("{\"compatibilityLevel\":\"NONE\"}", http.get("/config/lenient-value").body());

        assertEquals(200, http.register("lenient-value", COMPLAINT_V3).status());
        assertEquals(List.of(1, 2), ints(http.get("/subjects/lenient-value/versions").json()));

        assertEquals("{\"compatibilityLevel\":\"NONE\"}", http.delete("/config/lenient-value").body());
        assertError(404, 40408, http.get("/config/lenient-value"));
        assertError(404, 40401, http.delete("/config/lenient-value"));
    }

    @Test
    @DisplayName("lookup finds the version holding a schema, 40403 for a schema not under the subject, 40401 for no subject")
    void lookup() {
        int id = http.registerOk("lookup-value", COMPLAINT_V1);
        http.registerOk("lookup-value", COMPLAINT_V2);

        Response found = http.post("/subjects/lookup-value", Map.of("schema", COMPLAINT_V1));
        assertEquals(200, found.status());
        assertEquals("lookup-value", found.json().get("subject").asText());
        assertEquals(1, found.json().get("version").asInt());
        assertEquals(id, found.json().get("id").asInt());
        assertEquals(COMPLAINT_V1_CANONICAL, found.json().get("schema").asText());

        assertError(404, 40403, http.post("/subjects/lookup-value", Map.of("schema", SURVEY)));
        assertError(404, 40401, http.post("/subjects/lookup-nobody", Map.of("schema", SURVEY)));
    }

    @Test
    @DisplayName("soft-deleted versions and subjects disappear unless ?deleted=true, and can then be deleted for good")
    void softAndPermanentDelete() {
        int id = http.registerOk("gone-value", COMPLAINT_V1);
        http.registerOk("gone-value", COMPLAINT_V2);

        assertEquals("2", http.delete("/subjects/gone-value/versions/2").body());
        assertEquals(List.of(1), ints(http.get("/subjects/gone-value/versions").json()));
        assertEquals(List.of(1, 2), ints(http.get("/subjects/gone-value/versions?deleted=true").json()));
        assertError(404, 40402, http.get("/subjects/gone-value/versions/2"));
        assertEquals(200, http.get("/subjects/gone-value/versions/2?deleted=true").status());
        assertError(404, 40406, http.delete("/subjects/gone-value/versions/2"));

        assertEquals(List.of(1), ints(http.delete("/subjects/gone-value").json()));
        assertFalse(texts(http.get("/subjects").json()).contains("gone-value"));
        assertTrue(texts(http.get("/subjects?deleted=true").json()).contains("gone-value"));
        assertError(404, 40401, http.get("/subjects/gone-value/versions"));
        assertError(404, 40404, http.delete("/subjects/gone-value"));
        assertEquals(COMPLAINT_V1_CANONICAL, http.get("/schemas/ids/" + id).json().get("schema").asText());

        assertEquals(List.of(1, 2), ints(http.delete("/subjects/gone-value?permanent=true").json()));
        assertFalse(texts(http.get("/subjects?deleted=true").json()).contains("gone-value"));
        assertError(404, 40401, http.delete("/subjects/gone-value?permanent=true"));
    }

    @Test
    @DisplayName("permanently deleting a version that was not soft-deleted first is refused")
    void permanentDeleteNeedsSoftDelete() {
        http.registerOk("keep-value", SURVEY);

        assertError(404, 40407, http.delete("/subjects/keep-value/versions/1?permanent=true"));
        assertError(404, 40405, http.delete("/subjects/keep-value?permanent=true"));
        assertEquals(List.of(1), ints(http.get("/subjects/keep-value/versions").json()));
    }

    @Test
    @DisplayName("the compatibility endpoint answers is_compatible, with reasons when verbose")
    void compatibilityEndpoint() {
        http.registerOk("check-value", COMPLAINT_V1);
        String latest = "/compatibility/subjects/check-value/versions/latest";

        assertEquals("{\"is_compatible\":true}", http.post(latest, Map.of("schema", COMPLAINT_V2)).body());
        assertEquals("{\"is_compatible\":false}", http.post(latest, Map.of("schema", COMPLAINT_V3)).body());
        Response verbose = http.post(latest + "?verbose=true", Map.of("schema", COMPLAINT_V3));
        assertFalse(verbose.json().get("is_compatible").asBoolean());
        assertTrue(verbose.json().get("messages").toString().contains("priority"), verbose.body());
        assertEquals("{\"is_compatible\":false}", http.post("/compatibility/subjects/check-value/versions",
                Map.of("schema", COMPLAINT_V3)).body());
        assertEquals("{\"is_compatible\":true,\"messages\":[]}",
                http.post("/compatibility/subjects/check-value/versions/1?verbose=true",
                        Map.of("schema", COMPLAINT_V2)).body());

        // Confluent: nothing to compare with under "latest" is compatible; a missing numbered version is 40402
        assertEquals("{\"is_compatible\":true}", http.post("/compatibility/subjects/check-nobody/versions/latest",
                Map.of("schema", COMPLAINT_V3)).body());
        assertError(404, 40402, http.post("/compatibility/subjects/check-value/versions/5",
                Map.of("schema", COMPLAINT_V2)));
        assertError(422, 42201, http.post(latest, Map.of("schema", "{\"type\":\"nope\"}")));
        Response invalidVerbose = http.post(latest + "?verbose=true", Map.of("schema", "{\"type\":\"nope\"}"));
        assertEquals(200, invalidVerbose.status());
        assertFalse(invalidVerbose.json().get("is_compatible").asBoolean());
        assertEquals(1, invalidVerbose.json().get("messages").size());
    }

    @Test
    @DisplayName("schemas by id, schema types, the root and the mode answer in Confluent's shapes")
    void schemaByIdAndServerInfo() {
        int id = http.registerOk("byid-value", COMPLAINT_V1);

        Response byId = http.get("/schemas/ids/" + id);
        assertEquals(RegistryHttp.SR_JSON, byId.contentType());
        assertEquals(RegistryHttp.toJson(Map.of("schema", COMPLAINT_V1_CANONICAL)), byId.body());
        assertEquals(COMPLAINT_V1_CANONICAL, http.get("/schemas/ids/" + id + "/schema").body());
        assertEquals("[\"AVRO\"]", http.get("/schemas/types").body());
        assertEquals("{}", http.get("/").body());
        assertEquals("{\"mode\":\"READWRITE\"}", http.get("/mode").body());
    }

    @Test
    @DisplayName("the global level defaults to BACKWARD and, once changed, governs subjects without their own")
    void globalConfig() {
        try (EmbeddedSchemaRegistry registry = startRegistry("_schemas-global-config")) {
            RegistryHttp client = new RegistryHttp(registry.url());
            assertEquals("{\"compatibilityLevel\":\"BACKWARD\"}", client.get("/config").body());
            client.registerOk("any-value", COMPLAINT_V1);
            assertError(409, 409, client.register("any-value", COMPLAINT_V3));

            assertEquals("{\"compatibility\":\"NONE\"}", client.put("/config", Map.of("compatibility", "NONE")).body());
            assertEquals("{\"compatibilityLevel\":\"NONE\"}", client.get("/config").body());
            assertEquals(200, client.register("any-value", COMPLAINT_V3).status());
            assertError(422, 42203, client.put("/config", Map.of("compatibility", "")));

            assertEquals("{\"compatibilityLevel\":\"NONE\"}", client.delete("/config").body());
            assertEquals("{\"compatibilityLevel\":\"BACKWARD\"}", client.get("/config").body());
        }
    }

    @Test
    @DisplayName("a new registry on the same topic has every id, version, deletion and setting back, and continues the ids")
    void persistence() throws Exception {
        String topic = "_schemas-restart";
        int complaintV1;
        int complaintV2;
        int survey;
        try (EmbeddedSchemaRegistry first = startRegistry(topic)) {
            RegistryHttp client = new RegistryHttp(first.url());
            complaintV1 = client.registerOk("complaints-value", COMPLAINT_V1);
            complaintV2 = client.registerOk("complaints-value", COMPLAINT_V2);
            survey = client.registerOk("surveys-value", SURVEY);
            client.registerOk("copy-value", COMPLAINT_V1);
            client.delete("/subjects/copy-value");
            client.put("/config", Map.of("compatibility", "FULL"));
            client.put("/config/surveys-value", Map.of("compatibility", "NONE"));
        }
        // a fresh topic numbers ids from 1 in registration order
        assertEquals(List.of(1, 2, 3), List.of(complaintV1, complaintV2, survey));

        try (EmbeddedSchemaRegistry second = startRegistry(topic)) {
            RegistryHttp client = new RegistryHttp(second.url());
            assertEquals(List.of("complaints-value", "surveys-value"), texts(client.get("/subjects").json()));
            assertEquals(List.of("complaints-value", "copy-value", "surveys-value"),
                    texts(client.get("/subjects?deleted=true").json()));
            assertEquals(List.of(1, 2), ints(client.get("/subjects/complaints-value/versions").json()));
            assertEquals(complaintV2, client.get("/subjects/complaints-value/versions/2").json().get("id").asInt());
            assertEquals(COMPLAINT_V1_CANONICAL, client.get("/schemas/ids/" + complaintV1 + "/schema").body());
            assertEquals(SURVEY, client.get("/schemas/ids/" + survey + "/schema").body());
            assertEquals("{\"compatibilityLevel\":\"FULL\"}", client.get("/config").body());
            assertEquals("{\"compatibilityLevel\":\"NONE\"}", client.get("/config/surveys-value").body());

            assertEquals(complaintV1, client.registerOk("complaints-value", COMPLAINT_V1));
            assertEquals(List.of(1, 2), ints(client.get("/subjects/complaints-value/versions").json()));
            int next = client.registerOk("new-value", "\"string\"");
            assertEquals(4, next);
            assertEquals("\"string\"", client.get("/schemas/ids/4/schema").body());
        }

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertEquals(1, description.partitions().size());
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            assertEquals("compact", admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get("cleanup.policy").value());
        }
    }

    private static void assertError(int status, int errorCode, Response response) {
        assertEquals(status, response.status(), response.body());
        assertEquals(errorCode, response.errorCode(), response.body());
        assertFalse(response.json().get("message").asText().isBlank(), response.body());
        assertEquals(RegistryHttp.SR_JSON, response.contentType());
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asInt()));
        return values;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }
}
