package io.vocstream.schemas.registry;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.CaseInsensitiveValidString;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of {@link RestSchemaRegistryClient}. The registry URL, basic-auth and TLS settings use the names of
 * Confluent's clients, so an existing serde configuration carries over; timeouts, retries and the cache size are
 * vocstream's own, under {@code schema.registry.}. Keys this class does not know are ignored: the same map usually
 * carries Kafka client and serde settings too.
 */
public final class RegistryClientConfig {
    public static final String URL = "schema.registry.url";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
    public static final String SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
    public static final String SSL_KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
    public static final String SSL_KEY_PASSWORD = "schema.registry.ssl.key.password";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    public static final String REQUEST_RETRIES = "schema.registry.request.retries";
    public static final String RETRY_BACKOFF_MS = "schema.registry.retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "schema.registry.retry.backoff.max.ms";
    public static final String CACHE_CAPACITY = "schema.registry.cache.capacity";

    /** Where basic-auth credentials come from. */
    public enum CredentialsSource {
        /** From {@value #BASIC_AUTH_USER_INFO}. */
        USER_INFO,
        /** From the {@code user:password@} part of each registry URL; no authentication for URLs without one. */
        URL
    }

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(URL, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, RegistryClientConfig::requireUrl, Importance.HIGH,
                    "Comma-separated http(s) URLs of the schema registry instances, optionally with a path prefix "
                            + "(e.g. Apicurio's http://host:8080/apis/ccompat/v7). Requests go to the one that "
                            + "answered last and fail over to the others in the order given.")
            .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, CredentialsSource.URL.name(),
                    CaseInsensitiveValidString.in(CredentialsSource.USER_INFO.name(), CredentialsSource.URL.name()),
                    Importance.MEDIUM, "Where HTTP basic-auth credentials come from: USER_INFO (from "
                            + BASIC_AUTH_USER_INFO + ") or URL (the user:password@ part of the registry URLs).")
            .define(BASIC_AUTH_USER_INFO, Type.PASSWORD, null, Importance.MEDIUM,
                    "user:password for HTTP basic auth when " + BASIC_AUTH_CREDENTIALS_SOURCE + " is USER_INFO.")
            .define(SSL_TRUSTSTORE_LOCATION, Type.STRING, null, Importance.MEDIUM,
                    "Trust store with the certificates that sign the registry's; unset: the JVM's default trust.")
            .define(SSL_TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM,
                    "Password of the trust store.")
            .define(SSL_TRUSTSTORE_TYPE, Type.STRING, "JKS", CaseInsensitiveValidString.in("JKS", "PKCS12"),
                    Importance.LOW, "Format of the trust store: JKS or PKCS12.")
            .define(SSL_KEYSTORE_LOCATION, Type.STRING, null, Importance.MEDIUM,
                    "Key store with this client's key and certificate, for registries that require client "
                            + "certificates (mutual TLS).")
            .define(SSL_KEYSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM,
                    "Password of the key store.")
            .define(SSL_KEYSTORE_TYPE, Type.STRING, "JKS", CaseInsensitiveValidString.in("JKS", "PKCS12"),
                    Importance.LOW, "Format of the key store: JKS or PKCS12.")
            .define(SSL_KEY_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM,
                    "Password of the private key in the key store; unset: the key store's password.")
            // A registry answers in milliseconds; 10 s still covers a slow load balancer or a primary election,
            // and even after all retries a request gives up well inside Kafka's max.poll.interval.ms (5 min).
            .define(REQUEST_TIMEOUT_MS, Type.LONG, 10_000L, Range.atLeast(1), Importance.LOW,
                    "Time to connect to a registry URL and receive its answer before counting the attempt failed.")
            // Three retries with the backoffs below ride out a registry restart of a few seconds.
            .define(REQUEST_RETRIES, Type.INT, 3, Range.atLeast(0), Importance.LOW,
                    "How often a request that no registry URL answered (connection failure, timeout, HTTP 429 or "
                            + "5xx) is tried again over all URLs. Other 4xx answers are final and never retried.")
            .define(RETRY_BACKOFF_MS, Type.LONG, 100L, Range.atLeast(0), Importance.LOW,
                    "Wait before the first retry; each further retry waits twice as long, up to "
                            + RETRY_BACKOFF_MAX_MS + ", with 20% jitter.")
            .define(RETRY_BACKOFF_MAX_MS, Type.LONG, 2_000L, Range.atLeast(0), Importance.LOW,
                    "Longest wait between retries.")
            // A process uses a handful of schemas; 1000 never evicts them and bounds memory to a few MB even if
            // generic records bring a stream of new ones (1000 is also Confluent's max.schemas.per.subject).
            .define(CACHE_CAPACITY, Type.INT, 1000, Range.atLeast(1), Importance.LOW,
                    "How many schemas by id, and how many (subject, schema) ids, are kept in memory.");

    private final List<RegistryEndpoint> endpoints;
    private final CredentialsSource credentialsSource;
    private final SSLContext sslContext;
    private final String tlsDescription;
    private final Duration requestTimeout;
    private final int retries;
    private final Duration retryBackoff;
    private final Duration retryBackoffMax;
    private final int cacheCapacity;

    private RegistryClientConfig(AbstractConfig parsed) {
        this.credentialsSource = CredentialsSource.valueOf(
                parsed.getString(BASIC_AUTH_CREDENTIALS_SOURCE).toUpperCase(Locale.ROOT));
        BasicCredentials userInfo = credentialsSource == CredentialsSource.USER_INFO
                ? BasicCredentials.fromUserInfoSetting(BASIC_AUTH_USER_INFO, parsed.getPassword(BASIC_AUTH_USER_INFO),
                        BASIC_AUTH_CREDENTIALS_SOURCE + " is USER_INFO")
                : null;
        List<RegistryEndpoint> parsedEndpoints = new ArrayList<>();
        for (String url : parsed.getList(URL)) {
            parsedEndpoints.add(RegistryEndpoint.parse(URL, url, credentialsSource == CredentialsSource.URL, userInfo));
        }
        this.endpoints = List.copyOf(parsedEndpoints);

        SslContexts.Store trustStore = store(parsed, SSL_TRUSTSTORE_LOCATION, SSL_TRUSTSTORE_PASSWORD,
                SSL_TRUSTSTORE_TYPE);
        SslContexts.Store keyStore = store(parsed, SSL_KEYSTORE_LOCATION, SSL_KEYSTORE_PASSWORD, SSL_KEYSTORE_TYPE);
        if (trustStore == null && keyStore == null) {
            this.sslContext = null;
            this.tlsDescription = "JVM default trust";
        } else {
            this.sslContext = SslContexts.load(trustStore, keyStore, parsed.getPassword(SSL_KEY_PASSWORD));
            this.tlsDescription = "truststore " + (trustStore == null ? "JVM default" : trustStore)
                    + ", keystore " + (keyStore == null ? "none" : keyStore);
        }

        this.requestTimeout = Duration.ofMillis(parsed.getLong(REQUEST_TIMEOUT_MS));
        this.retries = parsed.getInt(REQUEST_RETRIES);
        this.retryBackoff = Duration.ofMillis(parsed.getLong(RETRY_BACKOFF_MS));
        this.retryBackoffMax = Duration.ofMillis(parsed.getLong(RETRY_BACKOFF_MAX_MS));
        this.cacheCapacity = parsed.getInt(CACHE_CAPACITY);
    }

    /**
     * Reads the settings from a Kafka-style configuration map (values as strings or typed).
     *
     * @throws ConfigException naming the setting that is missing or invalid, or the key or trust store that cannot
     *                         be read
     */
    public static RegistryClientConfig fromProperties(Map<String, ?> settings) {
        return new RegistryClientConfig(new AbstractConfig(DEFINITION, settings, false));
    }

    /** The settings with their types, defaults and documentation, e.g. for {@link ConfigDef#toRst()}. */
    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    /** The registry URLs in failover order, without credentials. */
    public List<URI> urls() {
        return endpoints.stream().map(RegistryEndpoint::baseUri).toList();
    }

    List<RegistryEndpoint> endpoints() {
        return endpoints;
    }

    /** The TLS context built from the configured stores; empty if none is configured (the JVM default applies). */
    public Optional<SSLContext> sslContext() {
        return Optional.ofNullable(sslContext);
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public int retries() {
        return retries;
    }

    public Duration retryBackoff() {
        return retryBackoff;
    }

    public Duration retryBackoffMax() {
        return retryBackoffMax;
    }

    public int cacheCapacity() {
        return cacheCapacity;
    }

    /** The settings without any password. */
    @Override
    public String toString() {
        return "urls=" + endpoints + ", basic auth from " + credentialsSource + ", TLS: " + tlsDescription
                + ", request timeout " + requestTimeout.toMillis() + " ms, " + retries + " retries after "
                + retryBackoff.toMillis() + ".." + retryBackoffMax.toMillis() + " ms, cache capacity "
                + cacheCapacity;
    }

    private static SslContexts.Store store(AbstractConfig parsed, String locationSetting, String passwordSetting,
            String typeSetting) {
        String location = parsed.getString(locationSetting);
        if (location == null || location.isBlank()) {
            return null;
        }
        return new SslContexts.Store(location, locationSetting, parsed.getPassword(passwordSetting), passwordSetting,
                parsed.getString(typeSetting).toUpperCase(Locale.ROOT));
    }

    private static void requireUrl(String setting, Object value) {
        if (value == null || ((List<?>) value).isEmpty()) {
            throw new ConfigException(setting, value, "at least one http(s) URL of the schema registry is required");
        }
    }
}
