package io.vocstream.wallboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads this instance's own {@code /api/v1} answers over HTTP: exactly what the API tells any client, each answer
 * already gathered from every instance by the capability's route. A {@link Round} reads each path once, however many
 * boards need it.
 */
final class ApiSource {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI base;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param base scheme, host and port of this instance, e.g. {@code http://localhost:7070} */
    ApiSource(URI base, ObjectMapper json) {
        this.base = base;
        this.json = json;
    }

    /** The answers a board is composed from, by path and query. */
    @FunctionalInterface
    interface Answers {
        /** The JSON answer of {@code pathAndQuery}; an {@link Unavailable} if it is not a 200. */
        JsonNode get(String pathAndQuery);
    }

    /** One tick's reads: each path is asked once. */
    Answers round() {
        Map<String, JsonNode> answered = new HashMap<>();
        return pathAndQuery -> answered.computeIfAbsent(pathAndQuery, this::read);
    }

    private JsonNode read(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new Unavailable(pathAndQuery + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new Unavailable(pathAndQuery + " could not be read: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while reading " + pathAndQuery);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An answer the board needs could not be had (state restoring, an instance unreachable ...). */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }
}
