package io.vocstream.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client for the registry API, sending what a Confluent client sends. */
final class RegistryHttp {
    static final String SR_JSON = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    RegistryHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A response; {@code json} is null when the body is not JSON. */
    record Response(int status, String contentType, String body, JsonNode json) {
        int errorCode() {
            return json.path("error_code").asInt();
        }
    }

    Response get(String path) {
        return send("GET", path, null, SR_JSON);
    }

    Response delete(String path) {
        return send("DELETE", path, null, SR_JSON);
    }

    Response post(String path, Object body) {
        return send("POST", path, toJson(body), SR_JSON);
    }

    Response put(String path, Object body) {
        return send("PUT", path, toJson(body), SR_JSON);
    }

    /** Registers {@code schema} under {@code subject}; the body is {@code {"schema": "..."}}. */
    Response register(String subject, String schema) {
        return post("/subjects/" + subject + "/versions", Map.of("schema", schema));
    }

    /** The id a successful registration returned. */
    int registerOk(String subject, String schema) {
        Response response = register(subject, schema);
        if (response.status() != 200) {
            throw new AssertionError("registering under " + subject + " failed: " + response.body());
        }
        return response.json().get("id").asInt();
    }

    Response send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", SR_JSON)
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), parseOrNull(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parseOrNull(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
