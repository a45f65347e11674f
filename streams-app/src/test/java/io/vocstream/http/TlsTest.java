package io.vocstream.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.client.CollectorRegistry;
import io.vocstream.config.ConfigException;
import io.vocstream.config.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server on https with a self-signed PKCS12 key store made by the JDK's keytool, together with the token; the
 * peer client trusts the certificate through {@code http.tls.truststore.*}.
 */
class TlsTest {
    private static final String PASSWORD = "changeit";
    private static final String TOKEN = "tls-token-0123456789";

    @TempDir
    static Path dir;
    static Path keyStore;
    static ApiServer server;
    static Map<String, String> settings;

    @BeforeAll
    static void startHttpsServer() throws Exception {
        keyStore = dir.resolve("vocstream.p12");
        Process keytool = new ProcessBuilder(System.getProperty("java.home") + "/bin/keytool", "-genkeypair",
                "-alias", "vocstream", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool failed: " + output);

        settings = Map.of(
                HttpSecurity.AUTH_TOKEN, TOKEN,
                HttpSecurity.TLS_KEYSTORE_LOCATION, keyStore.toString(),
                HttpSecurity.TLS_KEYSTORE_PASSWORD, PASSWORD,
                // the certificate of a PKCS12 key entry is trusted as well: one store serves both sides here
                HttpSecurity.TLS_TRUSTSTORE_LOCATION, keyStore.toString(),
                HttpSecurity.TLS_TRUSTSTORE_PASSWORD, PASSWORD);
        ApiRoutes probe = routes -> routes.get("/api/v1/probe", ctx -> ctx.json(Map.of("scheme", ctx.scheme())));
        server = ApiServer.start("127.0.0.1", 0, Optional::empty, new CollectorRegistry(), List.of(probe),
                HttpSecurity.from(Settings.of(settings, "test")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("the peer client speaks https with the configured trust and the token")
    void peerClientOverHttps() throws Exception {
        PeerClient peers = HttpSecurity.from(Settings.of(settings, "test")).peerClient();
        HttpResponse<byte[]> r = peers.get("localhost", server.port(), "/api/v1/probe?scope=local",
                Duration.ofSeconds(10));
        assertEquals(200, r.statusCode());
        assertEquals("{\"scheme\":\"https\"}", new String(r.body()));
        assertEquals(URI.create("https://localhost:1/x"), peers.uri("localhost", 1, "/x"));
    }

    @Test
    @DisplayName("plain http is not served, and a client that does not trust the certificate is refused")
    void onlyHttpsWithTrust() {
        HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThrows(SSLHandshakeException.class, () -> untrusting.send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + server.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString()));
        assertThrows(IOException.class, () -> untrusting.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + server.port() + "/health")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    @DisplayName("over https the probes stay open and the API still needs the token")
    void tokenStillRequired() throws Exception {
        PeerClient withoutToken = HttpSecurity.from(Settings.of(Map.of(
                HttpSecurity.TLS_KEYSTORE_LOCATION, keyStore.toString(),
                HttpSecurity.TLS_KEYSTORE_PASSWORD, PASSWORD,
                HttpSecurity.TLS_TRUSTSTORE_LOCATION, keyStore.toString(),
                HttpSecurity.TLS_TRUSTSTORE_PASSWORD, PASSWORD), "test")).peerClient();
        assertEquals(200, withoutToken.get("localhost", server.port(), "/ready", Duration.ofSeconds(10))
                .statusCode());
        assertEquals(401, withoutToken.get("localhost", server.port(), "/api/v1/probe", Duration.ofSeconds(10))
                .statusCode());
    }

    @Test
    @DisplayName("a wrong key store password, type or path stops the start naming the setting")
    void badStoreSettingsNameTheSetting() {
        assertConfigError("'http.tls.keystore.location'", HttpSecurity.TLS_KEYSTORE_LOCATION, keyStore.toString(),
                HttpSecurity.TLS_KEYSTORE_PASSWORD, "wrong");
        assertConfigError("'http.tls.keystore.location'", HttpSecurity.TLS_KEYSTORE_LOCATION,
                dir.resolve("absent.p12").toString(), HttpSecurity.TLS_KEYSTORE_PASSWORD, PASSWORD);
        assertConfigError("'http.tls.keystore.type'", HttpSecurity.TLS_KEYSTORE_LOCATION, keyStore.toString(),
                HttpSecurity.TLS_KEYSTORE_PASSWORD, PASSWORD, HttpSecurity.TLS_KEYSTORE_TYPE, "PEM");
        assertConfigError("'http.tls.keystore.password' is required", HttpSecurity.TLS_KEYSTORE_LOCATION,
                keyStore.toString());
        assertConfigError("'http.tls.truststore.location'", HttpSecurity.TLS_TRUSTSTORE_LOCATION, keyStore.toString(),
                HttpSecurity.TLS_TRUSTSTORE_PASSWORD, PASSWORD);
    }

    private static void assertConfigError(String expected, String... pairs) {
        Map<String, String> raw = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            raw.put(pairs[i], pairs[i + 1]);
        }
        ConfigException e = assertThrows(ConfigException.class, () -> HttpSecurity.from(Settings.of(raw, "test")));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
