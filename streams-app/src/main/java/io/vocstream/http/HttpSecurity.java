package io.vocstream.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import io.vocstream.config.ConfigException;
import io.vocstream.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Who may read: an optional bearer token that every request but the probes ({@code /health}, {@code /ready}) must
 * present, and optional TLS for the HTTP server. The same settings make the {@link PeerClient} that instances ask
 * each other with, so that those requests carry the token and speak https when the server does.
 */
public final class HttpSecurity {
    public static final String AUTH_TOKEN = "http.auth.token";
    public static final String AUTH_TOKEN_FILE = "http.auth.token.file";
    public static final String TLS_KEYSTORE_LOCATION = "http.tls.keystore.location";
    public static final String TLS_KEYSTORE_PASSWORD = "http.tls.keystore.password";
    public static final String TLS_KEYSTORE_TYPE = "http.tls.keystore.type";
    public static final String TLS_KEY_PASSWORD = "http.tls.key.password";
    public static final String TLS_TRUSTSTORE_LOCATION = "http.tls.truststore.location";
    public static final String TLS_TRUSTSTORE_PASSWORD = "http.tls.truststore.password";
    public static final String TLS_TRUSTSTORE_TYPE = "http.tls.truststore.type";

    /** Connections the kernel may hold for the server to accept; Linux caps it at net.core.somaxconn. */
    private static final int ACCEPT_QUEUE = 1024;

    /** Probes must work without credentials: orchestrators and load balancers do not hold the token. */
    static final Set<String> OPEN_PATHS = Set.of("/health", "/ready");
    private static final String REALM = "vocstream";
    private static final Set<String> STORE_TYPES = Set.of("PKCS12", "JKS");

    private final byte[] tokenDigest;
    private final String token;
    private final KeyStoreFile keyStore;
    private final String keyPassword;
    /** Trust for requests to other instances; null: the JVM's default trust. */
    private final SSLContext peerTls;

    /** A key or trust store as configured, checked to open with its password. */
    private record KeyStoreFile(Path location, String password, String type) {
    }

    private HttpSecurity(String token, KeyStoreFile keyStore, String keyPassword, SSLContext peerTls) {
        this.token = token;
        this.tokenDigest = token == null ? null : sha256(token);
        this.keyStore = keyStore;
        this.keyPassword = keyPassword;
        this.peerTls = peerTls;
    }

    /** No token, plain HTTP. */
    public static HttpSecurity open() {
        return new HttpSecurity(null, null, null, null);
    }

    /**
     * Reads the {@code http.auth.*} and {@code http.tls.*} settings; the key and trust stores are opened now, so
     * that a wrong path or password stops the start with the setting's name instead of failing the first request.
     */
    public static HttpSecurity from(Settings settings) {
        String token = token(settings);
        KeyStoreFile keyStore = store(settings, TLS_KEYSTORE_LOCATION, TLS_KEYSTORE_PASSWORD, TLS_KEYSTORE_TYPE);
        KeyStoreFile trustStore = store(settings, TLS_TRUSTSTORE_LOCATION, TLS_TRUSTSTORE_PASSWORD,
                TLS_TRUSTSTORE_TYPE);
        if (keyStore == null && trustStore != null) {
            throw settings.invalid(TLS_TRUSTSTORE_LOCATION, "set only together with " + TLS_KEYSTORE_LOCATION
                    + " (it is the trust of requests to other instances, which speak TLS only when this one does)",
                    null);
        }
        return new HttpSecurity(token, keyStore, settings.optionalString(TLS_KEY_PASSWORD).orElse(null),
                trustStore == null ? null : trusting(trustStore, settings));
    }

    /** Whether requests must carry the token. */
    public boolean requiresToken() {
        return token != null;
    }

    /** Whether the server speaks https. */
    public boolean tls() {
        return keyStore != null;
    }

    /** The client for requests to other instances of the application, with this instance's token and TLS trust. */
    public PeerClient peerClient() {
        return new PeerClient(tls() ? "https" : "http", token == null ? null : "Bearer " + token,
                Optional.ofNullable(peerTls));
    }

    /**
     * Adds the connector on {@code host:port} in place of Javalin's default (TLS with a key store, else plain HTTP)
     * and the token check in front of every route.
     */
    void applyTo(JavalinConfig cfg, String host, int port) {
        cfg.jetty.addConnector((server, http) -> {
            ServerConnector connector;
            if (keyStore != null) {
                http.addCustomizer(new SecureRequestCustomizer());
                SslContextFactory.Server tls = new SslContextFactory.Server();
                tls.setKeyStorePath(keyStore.location().toString());
                tls.setKeyStorePassword(keyStore.password());
                tls.setKeyStoreType(keyStore.type());
                if (keyPassword != null) {
                    tls.setKeyManagerPassword(keyPassword);
                }
                connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                        new HttpConnectionFactory(http));
            } else {
                connector = new ServerConnector(server, new HttpConnectionFactory(http));
            }
            connector.setHost(host);
            connector.setPort(port);
            // the JVM's default of 50 pending connections overflows when a burst of clients connects at once (a
            // wall of dashboards refreshing together); the kernel then drops their SYNs, and each retries only after
            // one second, then three: requests stalled for seconds while the server was idle
            connector.setAcceptQueueSize(ACCEPT_QUEUE);
            return connector;
        });
        if (token != null) {
            cfg.routes.before(this::requireToken);
        }
    }

    private void requireToken(Context ctx) {
        if (OPEN_PATHS.contains(ctx.path())) {
            return;
        }
        String presented = presentedToken(ctx.header("Authorization"));
        if (presented != null && MessageDigest.isEqual(sha256(presented), tokenDigest)) {
            return;
        }
        // Bearer for API clients (Grafana, Prometheus, scripts); Basic lets a browser ask for it for the wallboard.
        ctx.res().addHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\""
                + (presented == null ? "" : ", error=\"invalid_token\""));
        ctx.res().addHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        throw new UnauthorizedResponse(presented == null
                ? "this server requires a token: send the header 'Authorization: Bearer <token>'"
                : "the token presented is not the one this server accepts");
    }

    /** The token of an {@code Authorization} header: a bearer token, or the password of basic credentials. */
    static String presentedToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = authorization.substring(0, space).toLowerCase(Locale.ROOT);
        String credentials = authorization.substring(space + 1).trim();
        if (scheme.equals("bearer")) {
            return credentials.isEmpty() ? null : credentials;
        }
        if (scheme.equals("basic")) {
            try {
                String userAndPassword = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
                int colon = userAndPassword.indexOf(':');
                return colon < 0 ? null : userAndPassword.substring(colon + 1);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        return null;
    }

    /** Digests are compared, not tokens: equal length whatever is presented, so the time taken reveals nothing. */
    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String token(Settings settings) {
        Optional<String> inline = settings.optionalString(AUTH_TOKEN);
        Optional<String> file = settings.optionalString(AUTH_TOKEN_FILE);
        if (inline.isPresent() && file.isPresent()) {
            throw settings.invalid(AUTH_TOKEN_FILE, "unset when " + AUTH_TOKEN + " is set (one token, from one place)",
                    null);
        }
        if (file.isEmpty()) {
            return inline.map(token -> checkedToken(settings, AUTH_TOKEN, token)).orElse(null);
        }
        try {
            return checkedToken(settings, AUTH_TOKEN_FILE, Files.readString(Path.of(file.get())).strip());
        } catch (IOException e) {
            throw settings.invalid(AUTH_TOKEN_FILE, "a readable file holding the token", e.toString());
        }
    }

    private static String checkedToken(Settings settings, String key, String token) {
        if (token.isEmpty() || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw settings.invalid(key, "a token of printable ASCII characters without spaces", null);
        }
        return token;
    }

    private static KeyStoreFile store(Settings settings, String locationKey, String passwordKey, String typeKey) {
        Optional<String> location = settings.optionalString(locationKey);
        if (location.isEmpty()) {
            return null;
        }
        String type = settings.string(typeKey, "PKCS12").toUpperCase(Locale.ROOT);
        if (!STORE_TYPES.contains(type)) {
            throw settings.invalid(typeKey, "PKCS12 or JKS", null);
        }
        String password = settings.optionalString(passwordKey).orElseThrow(() -> new ConfigException(
                "setting '" + passwordKey + "' is required when " + locationKey + " is set"));
        KeyStoreFile store = new KeyStoreFile(Path.of(location.get()), password, type);
        try {
            load(store);
        } catch (IOException | GeneralSecurityException e) {
            throw settings.invalid(locationKey, "a " + type + " store that opens with " + passwordKey, e.toString());
        }
        return store;
    }

    private static KeyStore load(KeyStoreFile store) throws IOException, GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance(store.type());
        try (InputStream in = Files.newInputStream(store.location())) {
            keyStore.load(in, store.password().toCharArray());
        }
        return keyStore;
    }

    private static SSLContext trusting(KeyStoreFile trustStore, Settings settings) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw settings.invalid(TLS_TRUSTSTORE_LOCATION, "a store of certificates to trust", e.toString());
        }
    }
}
