package io.vocstream.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;

/**
 * Requests from one instance of the application to another: https when this instance serves TLS (trusting
 * {@code http.tls.truststore.*}, else the JVM's default trust), and the bearer token when one is required. Made by
 * {@link HttpSecurity#peerClient()}; safe for concurrent use.
 */
public final class PeerClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final String scheme;
    private final String authorization;
    private final HttpClient http;

    PeerClient(String scheme, String authorization, Optional<SSLContext> tls) {
        this.scheme = scheme;
        this.authorization = authorization;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT);
        tls.ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    /**
     * GETs {@code pathAndQuery} (e.g. {@code /api/v1/queues?window=1h&scope=local}, already percent-encoded) from the
     * instance at {@code host:port}.
     */
    public HttpResponse<byte[]> get(String host, int port, String pathAndQuery, Duration timeout)
            throws IOException, InterruptedException {
        return http.send(request(host, port, pathAndQuery, timeout), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** {@link #get}, answered in the future. */
    public CompletableFuture<HttpResponse<byte[]>> getAsync(String host, int port, String pathAndQuery,
                                                            Duration timeout) {
        return http.sendAsync(request(host, port, pathAndQuery, timeout), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest request(String host, int port, String pathAndQuery, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(host, port, pathAndQuery)).timeout(timeout).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    /** The address of {@code pathAndQuery} on the instance at {@code host:port}. */
    public URI uri(String host, int port, String pathAndQuery) {
        return URI.create(scheme + "://" + host + ":" + port + pathAndQuery);
    }
}
