package io.vocstream.schemas.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS with mutual TLS against the JDK's HTTPS server. One self-signed key pair (made by the JDK's keytool) serves
 * as the registry's and the client's identity; the trust store holds its certificate and is trusted by both sides.
 */
class RestSchemaRegistryClientTlsTest {
    private static final String PASSWORD = "changeit";
    private static final Schema ORDER = SchemaBuilder.record("Order").namespace("test").fields()
            .requiredString("orderId").endRecord();

    @TempDir
    static Path dir;
    static Path keyStore;
    static Path trustStore;
    static RegistryTestServer server;

    @BeforeAll
    static void startHttpsRegistry() throws Exception {
        keyStore = dir.resolve("registry.p12");
        Process keytool = new ProcessBuilder(System.getProperty("java.home") + "/bin/keytool", "-genkeypair",
                "-alias", "registry", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertTrue(keytool.waitFor(30, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool failed: " + output);

        KeyStore keys = load(keyStore, "PKCS12");
        KeyStore trusted = KeyStore.getInstance("JKS");
        trusted.load(null, null);
        trusted.setCertificateEntry("registry", keys.getCertificate("registry"));
        trustStore = dir.resolve("trust.jks");
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            trusted.store(out, PASSWORD.toCharArray());
        }

        server = RegistryTestServer.startHttps(serverContext(keys, trusted), true);
        server.registry().register("orders-value", ORDER);
    }

    @AfterAll
    static void stopRegistry() {
        server.close();
    }

    private static KeyStore load(Path path, String type) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, PASSWORD.toCharArray());
            return store;
        }
    }

    private static SSLContext serverContext(KeyStore keys, KeyStore trusted) throws GeneralSecurityException {
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD.toCharArray());
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(
                TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    private static Map<String, Object> settings(Object... pairs) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(RegistryClientConfig.URL, server.url());
        settings.put(RegistryClientConfig.REQUEST_RETRIES, 0);
        for (int i = 0; i < pairs.length; i += 2) {
            settings.put((String) pairs[i], pairs[i + 1]);
        }
        return settings;
    }

    private static Map<String, Object> mutualTls(Object... overrides) {
        Map<String, Object> settings = settings(
                RegistryClientConfig.SSL_TRUSTSTORE_LOCATION, trustStore.toString(),
                RegistryClientConfig.SSL_TRUSTSTORE_PASSWORD, PASSWORD,
                RegistryClientConfig.SSL_TRUSTSTORE_TYPE, "JKS",
                RegistryClientConfig.SSL_KEYSTORE_LOCATION, keyStore.toString(),
                RegistryClientConfig.SSL_KEYSTORE_PASSWORD, PASSWORD,
                RegistryClientConfig.SSL_KEYSTORE_TYPE, "PKCS12");
        for (int i = 0; i < overrides.length; i += 2) {
            settings.put((String) overrides[i], overrides[i + 1]);
        }
        return settings;
    }

    private static RestSchemaRegistryClient client(Map<String, Object> settings) {
        return new RestSchemaRegistryClient(RegistryClientConfig.fromProperties(settings));
    }

    @Test
    void withTheTrustStoreAndAClientCertificateTheRegistryAnswersOverHttps() {
        assertEquals(ORDER, client(mutualTls()).schemaById(1));
    }

    @Test
    void withoutTheTrustStoreTheRegistrysCertificateIsRejected() {
        Map<String, Object> settings = mutualTls();
        settings.remove(RegistryClientConfig.SSL_TRUSTSTORE_LOCATION);

        SchemaRegistryException e = assertThrows(SchemaRegistryException.class,
                () -> client(settings).schemaById(1));

        assertEquals(-1, e.status());
        assertTrue(e.getMessage().contains("SSLHandshakeException"), e.getMessage());
    }

    @Test
    void withoutAClientCertificateARegistryRequiringOneRefuses() {
        Map<String, Object> settings = mutualTls();
        settings.remove(RegistryClientConfig.SSL_KEYSTORE_LOCATION);

        SchemaRegistryException e = assertThrows(SchemaRegistryException.class,
                () -> client(settings).schemaById(1));

        assertEquals(-1, e.status());
    }

    @Test
    void aWrongTrustStorePasswordNamesTheStoreAndItsPasswordSetting() {
        ConfigException e = assertThrows(ConfigException.class, () -> RegistryClientConfig.fromProperties(
                mutualTls(RegistryClientConfig.SSL_TRUSTSTORE_PASSWORD, "wrong")));

        assertTrue(e.getMessage().contains(RegistryClientConfig.SSL_TRUSTSTORE_LOCATION), e.getMessage());
        assertTrue(e.getMessage().contains(RegistryClientConfig.SSL_TRUSTSTORE_PASSWORD), e.getMessage());
    }

    @Test
    void aMissingKeyStoreFileNamesTheSetting() {
        ConfigException e = assertThrows(ConfigException.class, () -> RegistryClientConfig.fromProperties(
                mutualTls(RegistryClientConfig.SSL_KEYSTORE_LOCATION, dir.resolve("absent.p12").toString())));

        assertTrue(e.getMessage().contains(RegistryClientConfig.SSL_KEYSTORE_LOCATION), e.getMessage());
        assertTrue(e.getMessage().contains("absent.p12"), e.getMessage());
    }

    @Test
    void aFileThatIsNoStoreNamesTheSetting() throws IOException {
        Path notAStore = Files.writeString(dir.resolve("registry.pem"), "-----BEGIN CERTIFICATE-----\n");

        ConfigException e = assertThrows(ConfigException.class, () -> RegistryClientConfig.fromProperties(
                mutualTls(RegistryClientConfig.SSL_TRUSTSTORE_LOCATION, notAStore.toString())));

        assertTrue(e.getMessage().contains(RegistryClientConfig.SSL_TRUSTSTORE_LOCATION), e.getMessage());
        assertTrue(e.getMessage().contains("cannot read it as a JKS store"), e.getMessage());
    }

    @Test
    void aTrustStoreWithoutCertificatesIsRefused() throws Exception {
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        Path emptyStore = dir.resolve("empty.p12");
        try (OutputStream out = Files.newOutputStream(emptyStore)) {
            empty.store(out, PASSWORD.toCharArray());
        }

        ConfigException e = assertThrows(ConfigException.class, () -> RegistryClientConfig.fromProperties(
                mutualTls(RegistryClientConfig.SSL_TRUSTSTORE_LOCATION, emptyStore.toString(),
                        RegistryClientConfig.SSL_TRUSTSTORE_TYPE, "PKCS12")));

        assertTrue(e.getMessage().contains("holds no certificate"), e.getMessage());
    }

    @Test
    void aTrustStoreAsKeyStoreHasNoPrivateKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> RegistryClientConfig.fromProperties(
                mutualTls(RegistryClientConfig.SSL_KEYSTORE_LOCATION, trustStore.toString(),
                        RegistryClientConfig.SSL_KEYSTORE_TYPE, "JKS")));

        assertTrue(e.getMessage().contains(RegistryClientConfig.SSL_KEYSTORE_LOCATION), e.getMessage());
        assertTrue(e.getMessage().contains("no private key"), e.getMessage());
    }

    @Test
    void aWrongKeyPasswordNamesItsSetting() {
        ConfigException e = assertThrows(ConfigException.class, () -> RegistryClientConfig.fromProperties(
                mutualTls(RegistryClientConfig.SSL_KEY_PASSWORD, "Wr0ngKeyPass")));

        assertTrue(e.getMessage().contains(RegistryClientConfig.SSL_KEY_PASSWORD), e.getMessage());
        assertFalse(e.getMessage().contains("Wr0ngKeyPass"), e.getMessage());
    }
}
