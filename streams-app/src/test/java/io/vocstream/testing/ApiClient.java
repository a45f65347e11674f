package io.vocstream.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** A real HTTP client of one vocstream instance's API. */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    public ApiClient(int port) {
        this.port = port;
    }

    public int port() {
        return port;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The body of {@code path} once it answers 200 with a body {@code accepted} accepts (the app is eventually
     * consistent), polling every 200 ms; an AssertionError with the last answer after {@code within}.
     */
    public JsonNode await(String path, Predicate<JsonNode> accepted, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = get(path);
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && accepted.test(JSON.readTree(r.body()))) {
                    return JSON.readTree(r.body());
                }
            } catch (IOException e) {
                last = "no connection: " + e;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("port " + port + ": " + path + " did not answer as expected within " + within
                + "; last: " + last);
    }

    public static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }
}
