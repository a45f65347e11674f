package io.vocstream.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prometheus.client.CollectorRegistry;
import io.vocstream.config.ConfigException;
import io.vocstream.config.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With {@code http.auth.token} set, everything but the probes needs the token; the probes stay open. */
class AuthTokenTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "s3cret-Token_0123456789";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ApiServer server;

    @BeforeAll
    static void start() {
        HttpSecurity security = HttpSecurity.from(Settings.of(Map.of(HttpSecurity.AUTH_TOKEN, TOKEN), "test"));
        ApiRoutes probe = routes -> routes.get("/api/v1/probe", ctx -> ctx.json(Map.of("ok", true)));
        server = ApiServer.start("127.0.0.1", 0, Optional::empty, new CollectorRegistry(), List.of(probe), security);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("without a token the API, the OpenAPI document, /metrics, the wallboard and unknown paths are a "
            + "JSON 401 with a Bearer challenge")
    void withoutTokenEverythingButTheProbesIs401() throws Exception {
        for (String path : List.of("/api/v1/probe", "/api/v1/openapi.json", "/metrics", "/", "/no/such/path")) {
            HttpResponse<String> r = get(path, null);
            assertEquals(401, r.statusCode(), path);
            List<String> challenges = r.headers().allValues("WWW-Authenticate");
            assertEquals("Bearer realm=\"vocstream\"", challenges.get(0), path);
            JsonNode body = JSON.readTree(r.body());
            assertEquals("unauthorized", body.get("error").asText(), path);
            assertTrue(body.get("detail").asText().contains("Authorization: Bearer"), r.body());
        }
    }

    @Test
    @DisplayName("/health and /ready answer without a token, for probes")
    void probesAreOpen() throws Exception {
        assertEquals(200, get("/health", null).statusCode());
        assertEquals(200, get("/ready", null).statusCode());
    }

    @Test
    @DisplayName("the right bearer token, or the token as a basic-auth password (browsers), is let through")
    void theTokenIsAccepted() throws Exception {
        assertEquals(200, get("/api/v1/probe", "Bearer " + TOKEN).statusCode());
        assertEquals(200, get("/api/v1/probe", "bearer " + TOKEN).statusCode());
        assertEquals(200, get("/metrics", "Bearer " + TOKEN).statusCode());
        assertEquals(200, get("/api/v1/probe", basic("wallboard", TOKEN)).statusCode());
        assertEquals(404, get("/no/such/path", "Bearer " + TOKEN).statusCode());
        JsonNode openApi = JSON.readTree(get("/api/v1/openapi.json", "Bearer " + TOKEN).body());
        assertEquals("bearer", openApi.at("/components/securitySchemes/bearerToken/scheme").asText(),
                "the OpenAPI document declares the token");
    }

    @Test
    @DisplayName("a wrong, truncated or longer token, or one in the wrong place, is a 401 saying the token is invalid")
    void wrongTokensAreRefused() throws Exception {
        for (String authorization : List.of("Bearer wrong", "Bearer " + TOKEN.substring(1), "Bearer " + TOKEN + "x",
                basic(TOKEN, "wrong"), "Token " + TOKEN, "Bearer", "Basic !!!")) {
            HttpResponse<String> r = get("/api/v1/probe", authorization);
            assertEquals(401, r.statusCode(), authorization);
            assertEquals("unauthorized", JSON.readTree(r.body()).get("error").asText());
        }
        assertEquals("Bearer realm=\"vocstream\", error=\"invalid_token\"",
                get("/api/v1/probe", "Bearer wrong").headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    @Test
    @DisplayName("the peer client sends the token, so a request between instances is let through")
    void peerClientCarriesTheToken() throws Exception {
        PeerClient peers = HttpSecurity.from(Settings.of(Map.of(HttpSecurity.AUTH_TOKEN, TOKEN), "test"))
                .peerClient();
        HttpResponse<byte[]> r = peers.get("127.0.0.1", server.port(), "/api/v1/probe?scope=local",
                Duration.ofSeconds(5));
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals(URI.create("http://h:1/x"), peers.uri("h", 1, "/x"));
    }

    @Test
    @DisplayName("the token can come from a file (trailing newline ignored); both a token and a file is an error")
    void tokenFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, TOKEN + "\n");
        HttpSecurity fromFile = HttpSecurity.from(Settings.of(Map.of(HttpSecurity.AUTH_TOKEN_FILE, file.toString()),
                "test"));
        assertTrue(fromFile.requiresToken());
        assertEquals(200, fromFile.peerClient().get("127.0.0.1", server.port(), "/api/v1/probe",
                Duration.ofSeconds(5)).statusCode(), "the file's token is the server's");

        ConfigException both = assertThrows(ConfigException.class, () -> HttpSecurity.from(Settings.of(Map.of(
                HttpSecurity.AUTH_TOKEN, TOKEN, HttpSecurity.AUTH_TOKEN_FILE, file.toString()), "test")));
        assertTrue(both.getMessage().contains("'http.auth.token.file'"), both.getMessage());
        ConfigException missing = assertThrows(ConfigException.class, () -> HttpSecurity.from(Settings.of(Map.of(
                HttpSecurity.AUTH_TOKEN_FILE, dir.resolve("absent").toString()), "test")));
        assertTrue(missing.getMessage().contains("a readable file holding the token"), missing.getMessage());
        ConfigException spaces = assertThrows(ConfigException.class, () -> HttpSecurity.from(Settings.of(Map.of(
                HttpSecurity.AUTH_TOKEN, "two words"), "test")));
        assertTrue(spaces.getMessage().contains("'http.auth.token'"), spaces.getMessage());
    }

    @Test
    @DisplayName("without settings nothing is required")
    void openByDefault() {
        HttpSecurity open = HttpSecurity.from(Settings.of(Map.of(), "test"));
        assertTrue(!open.requiresToken() && !open.tls());
        assertNull(HttpSecurity.presentedToken(null));
    }
}
