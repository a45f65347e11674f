package io.vocstream.wallboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocstream.http.PeerClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Reads this instance's own {@code /api/v1} answers over HTTP: exactly what the API tells any client, each answer
 * already gathered from every instance by the capability's route.
 */
final class ApiSource {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final PeerClient peers;
    private final HostInfo self;
    private final ObjectMapper json;

    /** @param self this instance, whose API is read through {@code peers} as any client reads it */
    ApiSource(PeerClient peers, HostInfo self, ObjectMapper json) {
        this.peers = peers;
        this.self = self;
        this.json = json;
    }

    /** Answers read at one moment, by path and query. */
    interface Answers {
        /** When they were read. */
        Instant at();

        /** The JSON answer of {@code pathAndQuery}; an {@link Unavailable} if it was not a 200. */
        JsonNode get(String pathAndQuery);
    }

    /** One answer, read now. */
    JsonNode read(String pathAndQuery) {
        try {
            return readAsync(pathAndQuery).join();
        } catch (CompletionException e) {
            throw unavailable(pathAndQuery, e.getCause());
        }
    }

    /** The answers of {@code paths}, read at {@code at}, all at once. */
    Answers read(Collection<String> paths, Instant at) {
        Map<String, CompletableFuture<JsonNode>> reads = new LinkedHashMap<>();
        paths.forEach(path -> reads.put(path, readAsync(path)));
        Map<String, JsonNode> answered = new LinkedHashMap<>();
        Map<String, Unavailable> failed = new LinkedHashMap<>();
        reads.forEach((path, read) -> {
            try {
                answered.put(path, read.join());
            } catch (CompletionException e) {
                failed.put(path, unavailable(path, e.getCause()));
            }
        });
        return new Answers() {
            @Override
            public Instant at() {
                return at;
            }

            @Override
            public JsonNode get(String path) {
                if (failed.containsKey(path)) {
                    throw failed.get(path);
                }
                JsonNode answer = answered.get(path);
                if (answer == null) {
                    throw new IllegalStateException(path + " was not read with the others");
                }
                return answer;
            }
        };
    }

    private CompletableFuture<JsonNode> readAsync(String pathAndQuery) {
        return peers.getAsync(self.host(), self.port(), pathAndQuery, TIMEOUT).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new Unavailable(pathAndQuery + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            try {
                return json.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Unavailable unavailable(String path, Throwable cause) {
        return cause instanceof Unavailable u ? u : new Unavailable(path + " could not be read: " + cause);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An answer a board needs could not be had (state restoring, an instance unreachable ...). */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }
}
