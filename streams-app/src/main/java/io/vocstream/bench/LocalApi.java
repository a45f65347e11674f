package io.vocstream.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The HTTP API of an application the benchmark started on this machine, read as a client would read it. */
final class LocalApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    LocalApi(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON body of a 200 answer; a missing node for any other status. */
    JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.missingNode();
    }

    void awaitReady(Duration timeout) throws Exception {
        await("the application to be ready", timeout, () -> get("/ready").statusCode() == 200);
    }

    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls {@code condition} as fast as the answers come (an HTTP timing is only as fine as this loop). */
    static void await(String what, Duration timeout, Condition condition) throws Exception {
        await(what, timeout, Duration.ofMillis(2), condition);
    }

    /** Polls {@code condition} every {@code pause} after each answer until it holds. */
    static void await(String what, Duration timeout, Duration pause, Condition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + what + " within " + timeout);
            }
            Thread.sleep(pause.toMillis());
        }
    }
}
