package io.vocstream.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.utils.ExponentialBackoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SchemaRegistryClient} speaking the Confluent Schema Registry REST API, as served by Confluent Schema
 * Registry, Redpanda, Karapace and Apicurio (whose Confluent-compatible API lives under a path such as
 * {@code /apis/ccompat/v7}, which then belongs in the configured URL). Safe for concurrent use.
 *
 * <p><b>Caching.</b> A schema id names one schema forever, and a schema registered under a subject keeps its id, so
 * both facts are cached (bounded, {@link RegistryClientConfig#CACHE_CAPACITY}): after the first call for a schema,
 * {@link #register}, {@link #idOf} and {@link #schemaById} are a map lookup without HTTP. {@link #latest} changes
 * whenever a version is added and is never cached. Two threads asking for the same unknown id at once may both
 * fetch it; both get the same answer.
 *
 * <p><b>Failover and retries.</b> A request goes to the URL that answered last and, if it cannot be reached or
 * answers 429 or 5xx, to the others in turn. When no URL served it, it is tried again over all of them after an
 * exponential backoff, up to {@link RegistryClientConfig#REQUEST_RETRIES} times. Any other 4xx answer is final.
 *
 * <p><b>Errors</b> are {@link SchemaRegistryException}s carrying the HTTP status and the registry's
 * {@code error_code} (the status itself if the body has none), and a message with the request and the registry's
 * own message.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {
    /** Confluent's versioned type first, plain JSON last for registries that speak only that. */
    static final String ACCEPT = "application/vnd.schemaregistry.v1+json, "
            + "application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    /** Accepted by all four registries (Apicurio's ccompat API also takes the two others above). */
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BODY_EXCERPT_LENGTH = 200;

    private final RegistryClientConfig config;
    private final List<RegistryEndpoint> endpoints;
    private final HttpClient http;
    private final ExponentialBackoff backoff;
    private final BoundedCache<Integer, Schema> schemasById;
    private final BoundedCache<SubjectSchema, Integer> idsBySubjectSchema;
    /** Index into {@link #endpoints} of the URL that answered last; requests start there. */
    private volatile int preferredEndpoint;

    private record SubjectSchema(String subject, Schema schema) {
    }

    /** A 2xx answer whose body is not what the API promises. */
    private static final class UnusableAnswer extends RuntimeException {
        UnusableAnswer(String message) {
            super(message);
        }
    }

    public RestSchemaRegistryClient(RegistryClientConfig config) {
        this.config = config;
        this.endpoints = config.endpoints();
        HttpClient.Builder builder = HttpClient.newBuilder()
                // Registries speak HTTP/1.1; this also avoids the h2c upgrade headers some proxies reject.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.requestTimeout());
        config.sslContext().ifPresent(builder::sslContext);
        this.http = builder.build();
        // 20% jitter, as Kafka's clients use, so that instances restarted together do not retry in step.
        this.backoff = new ExponentialBackoff(config.retryBackoff().toMillis(), 2,
                config.retryBackoffMax().toMillis(), 0.2);
        this.schemasById = new BoundedCache<>(config.cacheCapacity());
        this.idsBySubjectSchema = new BoundedCache<>(config.cacheCapacity());
    }

    @Override
    public int register(String subject, Schema schema) {
        return cachedId(subject, schema, "/subjects/" + encode(subject) + "/versions");
    }

    @Override
    public int idOf(String subject, Schema schema) {
        return cachedId(subject, schema, "/subjects/" + encode(subject));
    }

    /** The id of a schema under a subject: remembered once known, since it never changes. */
    private int cachedId(String subject, Schema schema, String path) {
        SubjectSchema key = subjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        int id = call("POST", path, schemaRequest(schema), answer -> requiredInt(answer, "id"));
        remember(key, id);
        return id;
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        return call("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest", schemaRequest(schema),
                answer -> {
                    JsonNode verdict = answer.get("is_compatible");
                    if (verdict == null || !verdict.isBoolean()) {
                        throw new SchemaRegistryException("the registry's compatibility answer has no boolean "
                                + "'is_compatible': " + excerpt(answer.toString()), 200, -1);
                    }
                    return verdict.booleanValue();
                });
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        Schema schema = call("GET", "/schemas/ids/" + id, null, RestSchemaRegistryClient::avroSchema);
        schemasById.put(id, schema);
        return schema;
    }

    @Override
    public RegisteredSchema latest(String subject) {
        Objects.requireNonNull(subject, "subject");
        RegisteredSchema latest = call("GET", "/subjects/" + encode(subject) + "/versions/latest", null,
                answer -> new RegisteredSchema(answer.path("subject").asText(subject),
                        requiredInt(answer, "version"), requiredInt(answer, "id"), avroSchema(answer)));
        schemasById.put(latest.id(), latest.schema());
        return latest;
    }

    /** Forgets the cached schemas and ids, and closes the HTTP client where the runtime allows it (Java 21+). */
    @Override
    public void close() {
        schemasById.clear();
        idsBySubjectSchema.clear();
        // On Java 17 the client's threads end once it is unreachable; from Java 21 on it is AutoCloseable.
        if (http instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("closing the HTTP client of the schema registry client failed", e);
            }
        }
    }

    /** The configuration, without passwords. */
    @Override
    public String toString() {
        return "RestSchemaRegistryClient[" + config + "]";
    }

    private void remember(SubjectSchema key, int id) {
        idsBySubjectSchema.put(key, id);
        schemasById.put(id, key.schema());
    }

    /**
     * Sends the request to the registry URLs, failing over and retrying as the class describes, and reads the
     * JSON of the first 2xx answer with {@code reader}.
     */
    private <T> T call(String method, String path, JsonNode body, Function<JsonNode, T> reader) {
        SchemaRegistryException lastFailure = null;
        for (int round = 0; ; round++) {
            int first = preferredEndpoint;
            for (int i = 0; i < endpoints.size(); i++) {
                int index = (first + i) % endpoints.size();
                RegistryEndpoint endpoint = endpoints.get(index);
                String request = method + " " + endpoint.resolve(path);
                HttpResponse<byte[]> response;
                try {
                    response = http.send(httpRequest(endpoint, method, path, body), BodyHandlers.ofByteArray());
                } catch (IOException e) {
                    lastFailure = new SchemaRegistryException(request + " failed: " + reason(e), e);
                    LOG.debug("{}", lastFailure.getMessage());
                    continue;
                } catch (InterruptedException e) {
                    throw new InterruptException("interrupted during " + request, e);
                }
                int status = response.statusCode();
                if (status == 429 || status >= 500) {
                    lastFailure = error(request, response);
                    LOG.debug("{}", lastFailure.getMessage());
                    continue;
                }
                preferredEndpoint = index;
                if (status < 200 || status > 299) {
                    throw error(request, response);
                }
                return read(request, response, reader);
            }
            if (round >= config.retries()) {
                throw gaveUp(method, path, round + 1, lastFailure);
            }
            long wait = backoff.backoff(round);
            LOG.warn("no schema registry URL served {} {}; retrying in {} ms. Last failure: {}", method, path, wait,
                    lastFailure.getMessage());
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                throw new InterruptException("interrupted while waiting to retry " + method + " " + path, e);
            }
        }
    }

    private HttpRequest httpRequest(RegistryEndpoint endpoint, String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path))
                .timeout(config.requestTimeout())
                .header("Accept", ACCEPT);
        if (endpoint.credentials() != null) {
            request.header("Authorization", endpoint.credentials().authorization());
        }
        if (body == null) {
            request.method(method, BodyPublishers.noBody());
        } else {
            request.header("Content-Type", CONTENT_TYPE)
                    .method(method, BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        return request.build();
    }

    private static <T> T read(String request, HttpResponse<byte[]> response, Function<JsonNode, T> reader) {
        try {
            return reader.apply(JSON.readTree(response.body()));
        } catch (IOException e) {
            throw unusable(request, response, "it is not JSON: " + excerpt(response.body()));
        } catch (UnusableAnswer e) {
            throw unusable(request, response, e.getMessage());
        }
    }

    private static SchemaRegistryException unusable(String request, HttpResponse<byte[]> response, String problem) {
        return new SchemaRegistryException("the schema registry answered " + response.statusCode() + " to " + request
                + " with a body this client cannot use: " + problem, response.statusCode(), -1);
    }

    /** The registry's refusal as an exception: its {"error_code", "message"} body, or the status and raw body. */
    private static SchemaRegistryException error(String request, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        if (body != null && body.path("message").isTextual()) {
            int errorCode = body.path("error_code").asInt(status);
            return new SchemaRegistryException("the schema registry answered " + status + " (error code " + errorCode
                    + ") to " + request + ": " + body.path("message").asText(), status, errorCode);
        }
        return new SchemaRegistryException("the schema registry answered " + status + " to " + request
                + (response.body().length == 0 ? " with an empty body"
                        : " with a body that is not a registry error: " + excerpt(response.body())),
                status, status);
    }

    private SchemaRegistryException gaveUp(String method, String path, int rounds, SchemaRegistryException last) {
        String message = "no schema registry URL served " + method + " " + path + " in " + rounds
                + (rounds == 1 ? " round" : " rounds") + " over " + endpoints + "; last failure: "
                + last.getMessage();
        return last.status() == -1 ? new SchemaRegistryException(message, last.getCause())
                : new SchemaRegistryException(message, last.status(), last.errorCode());
    }

    private static ObjectNode schemaRequest(Schema schema) {
        // Without "schemaType", as Confluent's own serializers send Avro schemas: AVRO is the default everywhere.
        return JSON.createObjectNode().put("schema", schema.toString());
    }

    private static Schema avroSchema(JsonNode answer) {
        String type = answer.path("schemaType").asText("AVRO");
        if (!type.equalsIgnoreCase("AVRO")) {
            throw new UnusableAnswer("it is a " + type + " schema, not Avro");
        }
        JsonNode schema = answer.path("schema");
        if (!schema.isTextual()) {
            throw new UnusableAnswer("it has no \"schema\" string");
        }
        try {
            return new Schema.Parser().parse(schema.asText());
        } catch (SchemaParseException e) {
            throw new UnusableAnswer("its schema is not valid Avro: " + e.getMessage());
        }
    }

    private static int requiredInt(JsonNode answer, String field) {
        JsonNode value = answer.path(field);
        if (!(value.isIntegralNumber() && value.canConvertToInt())) {
            throw new UnusableAnswer("it has no integer \"" + field + "\": " + excerpt(answer.toString()));
        }
        return value.intValue();
    }

    private static SubjectSchema subjectSchema(String subject, Schema schema) {
        return new SubjectSchema(Objects.requireNonNull(subject, "subject"), Objects.requireNonNull(schema, "schema"));
    }

    /** {@code subject} as one path segment: percent-encoded UTF-8, including '/' and spaces (never '+'). */
    static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String excerpt(byte[] body) {
        return excerpt(new String(body, StandardCharsets.UTF_8));
    }

    private static String excerpt(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= BODY_EXCERPT_LENGTH ? oneLine
                : oneLine.substring(0, BODY_EXCERPT_LENGTH) + "...";
    }

    /** A transport failure's type and the first message in its chain (the JDK often leaves the outer one empty). */
    private static String reason(Throwable e) {
        String type = e instanceof ConnectException ? "cannot connect (ConnectException)"
                : e.getClass().getSimpleName();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                return type + ": " + cause.getMessage();
            }
        }
        return type;
    }
}
