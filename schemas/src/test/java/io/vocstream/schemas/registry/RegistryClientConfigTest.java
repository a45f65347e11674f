package io.vocstream.schemas.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryClientConfigTest {

    private static Map<String, Object> settings(Object... pairs) {
        Map<String, Object> settings = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            settings.put((String) pairs[i], pairs[i + 1]);
        }
        return settings;
    }

    private static ConfigException refused(Object... pairs) {
        return assertThrows(ConfigException.class, () -> RegistryClientConfig.fromProperties(settings(pairs)));
    }

    @Test
    void defaultsApplyToEverythingButTheUrl() {
        RegistryClientConfig config = RegistryClientConfig.fromProperties(
                settings(RegistryClientConfig.URL, "http://registry:8081"));

        assertEquals(List.of(URI.create("http://registry:8081")), config.urls());
        assertEquals(Duration.ofSeconds(10), config.requestTimeout());
        assertEquals(3, config.retries());
        assertEquals(Duration.ofMillis(100), config.retryBackoff());
        assertEquals(Duration.ofSeconds(2), config.retryBackoffMax());
        assertEquals(1000, config.cacheCapacity());
        assertTrue(config.sslContext().isEmpty());
        assertNull(config.endpoints().get(0).credentials());
    }

    @Test
    void urlsAreACommaSeparatedListKeptInOrderWithoutTrailingSlashes() {
        RegistryClientConfig config = RegistryClientConfig.fromProperties(settings(RegistryClientConfig.URL,
                "http://a:8081/, https://b:8443/apis/ccompat/v7/ ,HTTP://c"));

        assertEquals(List.of(URI.create("http://a:8081"), URI.create("https://b:8443/apis/ccompat/v7"),
                URI.create("http://c")), config.urls());
    }

    @Test
    void otherSettingsOfTheSameMapAreIgnoredAndTypedValuesAccepted() {
        RegistryClientConfig config = RegistryClientConfig.fromProperties(settings(
                RegistryClientConfig.URL, "http://registry:8081",
                "bootstrap.servers", "localhost:9092",
                "auto.register.schemas", false,
                RegistryClientConfig.REQUEST_RETRIES, 7,
                RegistryClientConfig.REQUEST_TIMEOUT_MS, "2500"));

        assertEquals(7, config.retries());
        assertEquals(Duration.ofMillis(2500), config.requestTimeout());
    }

    @Test
    void aMissingUrlNamesTheSetting() {
        ConfigException e = refused("bootstrap.servers", "localhost:9092");

        assertTrue(e.getMessage().contains(RegistryClientConfig.URL), e.getMessage());
    }

    @Test
    void anEmptyUrlNamesTheSetting() {
        ConfigException e = refused(RegistryClientConfig.URL, "");

        assertTrue(e.getMessage().contains(RegistryClientConfig.URL), e.getMessage());
        assertTrue(e.getMessage().contains("at least one"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:8081", "registry", "ftp://registry:21", "http://", "http://a b:8081",
            "http://registry:8081?x=1"})
    void aUrlThatIsNotHttpNamesTheSettingAndTheValue(String url) {
        ConfigException e = refused(RegistryClientConfig.URL, "http://good:8081," + url);

        assertTrue(e.getMessage().contains(RegistryClientConfig.URL), e.getMessage());
        assertTrue(e.getMessage().contains(url), e.getMessage());
    }

    @Test
    void aBadUrlWithCredentialsIsReportedWithoutThem() {
        ConfigException e = refused(RegistryClientConfig.URL, "ftp://bob:hunter2@registry");

        assertTrue(e.getMessage().contains("ftp://***@registry"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void anUnknownCredentialsSourceNamesTheSetting() {
        ConfigException e = refused(RegistryClientConfig.URL, "http://registry:8081",
                RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "SASL_INHERIT");

        assertTrue(e.getMessage().contains(RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE), e.getMessage());
        assertTrue(e.getMessage().contains("USER_INFO"), e.getMessage());
    }

    @Test
    void theCredentialsSourceIgnoresCase() {
        RegistryClientConfig config = RegistryClientConfig.fromProperties(settings(
                RegistryClientConfig.URL, "http://registry:8081",
                RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "user_info",
                RegistryClientConfig.BASIC_AUTH_USER_INFO, "bob:pw"));

        assertEquals("bob", config.endpoints().get(0).credentials().username());
    }

    @Test
    void userInfoAsSourceRequiresTheUserInfo() {
        ConfigException e = refused(RegistryClientConfig.URL, "http://registry:8081",
                RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");

        assertTrue(e.getMessage().contains(RegistryClientConfig.BASIC_AUTH_USER_INFO), e.getMessage());
    }

    @Test
    void userInfoWithoutAColonNamesTheSettingButNotTheValue() {
        ConfigException e = refused(RegistryClientConfig.URL, "http://registry:8081",
                RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                RegistryClientConfig.BASIC_AUTH_USER_INFO, "hunter2");

        assertTrue(e.getMessage().contains(RegistryClientConfig.BASIC_AUTH_USER_INFO), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void credentialsInAUrlWithoutAPasswordNameTheSetting() {
        ConfigException e = refused(RegistryClientConfig.URL, "http://bob@registry:8081");

        assertTrue(e.getMessage().contains(RegistryClientConfig.URL), e.getMessage());
        assertTrue(e.getMessage().contains("user:password"), e.getMessage());
    }

    @Test
    void invalidNumbersNameTheirSetting() {
        ConfigException negative = refused(RegistryClientConfig.URL, "http://registry:8081",
                RegistryClientConfig.REQUEST_RETRIES, -1);
        ConfigException notANumber = refused(RegistryClientConfig.URL, "http://registry:8081",
                RegistryClientConfig.REQUEST_TIMEOUT_MS, "ten seconds");
        ConfigException zeroCache = refused(RegistryClientConfig.URL, "http://registry:8081",
                RegistryClientConfig.CACHE_CAPACITY, 0);

        assertTrue(negative.getMessage().contains(RegistryClientConfig.REQUEST_RETRIES), negative.getMessage());
        assertTrue(notANumber.getMessage().contains(RegistryClientConfig.REQUEST_TIMEOUT_MS),
                notANumber.getMessage());
        assertTrue(zeroCache.getMessage().contains(RegistryClientConfig.CACHE_CAPACITY), zeroCache.getMessage());
    }

    @Test
    void anUnknownStoreTypeNamesTheSetting() {
        ConfigException e = refused(RegistryClientConfig.URL, "https://registry:8443",
                RegistryClientConfig.SSL_TRUSTSTORE_TYPE, "PEM");

        assertTrue(e.getMessage().contains(RegistryClientConfig.SSL_TRUSTSTORE_TYPE), e.getMessage());
    }

    @Test
    void toStringShowsNoPassword() {
        RegistryClientConfig config = RegistryClientConfig.fromProperties(settings(
                RegistryClientConfig.URL, "http://alice:url-secret@a:8081,http://b:8081",
                RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                RegistryClientConfig.BASIC_AUTH_USER_INFO, "bob:info-secret"));

        String description = config.toString();

        assertTrue(description.contains("http://a:8081 as bob"), description);
        assertTrue(description.contains("http://b:8081 as bob"), description);
        assertFalse(description.contains("secret") || description.contains("alice"), description);
    }

    @Test
    void theDefinitionDocumentsEverySetting() {
        assertTrue(RegistryClientConfig.definition().names().containsAll(List.of(RegistryClientConfig.URL,
                RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE, RegistryClientConfig.BASIC_AUTH_USER_INFO,
                RegistryClientConfig.SSL_TRUSTSTORE_LOCATION, RegistryClientConfig.SSL_KEYSTORE_LOCATION,
                RegistryClientConfig.SSL_KEY_PASSWORD, RegistryClientConfig.REQUEST_TIMEOUT_MS,
                RegistryClientConfig.REQUEST_RETRIES, RegistryClientConfig.RETRY_BACKOFF_MS,
                RegistryClientConfig.RETRY_BACKOFF_MAX_MS, RegistryClientConfig.CACHE_CAPACITY)));
        RegistryClientConfig.definition().configKeys().values()
                .forEach(key -> assertFalse(key.documentation == null || key.documentation.isBlank(), key.name));
    }
}
