package io.vocstream.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A schema registry for tests: the JDK's HTTP server speaking the Confluent Schema Registry JSON API (the four
 * requests of {@link SchemaRegistryClient}) in front of an {@link InMemorySchemaRegistryClient}. It records every
 * request, and can be told to answer the next requests with a given status and body instead.
 */
public final class RegistryTestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    /** A request as received: method, path as sent (still percent-encoded), headers and body. */
    public record Request(String method, String rawPath, Headers headers, String body) {
        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private record Answer(int status, String contentType, String body) {
    }

    private final HttpServer server;
    private final String pathPrefix;
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Queue<Answer> scriptedAnswers = new ConcurrentLinkedQueue<>();

    private RegistryTestServer(HttpServer server, String pathPrefix) {
        this.server = server;
        this.pathPrefix = pathPrefix;
        server.createContext(pathPrefix + "/", this::handle);
        server.start();
    }

    /** A plain HTTP registry on a free loopback port. */
    public static RegistryTestServer start() {
        return start(0, "");
    }

    /** A plain HTTP registry on {@code port} (0: a free one) serving the API under {@code pathPrefix}. */
    public static RegistryTestServer start(int port, String pathPrefix) {
        try {
            return new RegistryTestServer(HttpServer.create(loopback(port), 0), pathPrefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTPS registry with the key and trust of {@code tls}, requiring a client certificate if asked. */
    public static RegistryTestServer startHttps(SSLContext tls, boolean needClientAuth) {
        try {
            HttpsServer server = HttpsServer.create(loopback(0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters parameters = tls.getDefaultSSLParameters();
                    parameters.setNeedClientAuth(needClientAuth);
                    params.setSSLParameters(parameters);
                }
            });
            return new RegistryTestServer(server, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234} (with the path prefix, if any). */
    public String url() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + pathPrefix;
    }

    /** The registry behind the API, to register schemas directly or check what the client registered. */
    public InMemorySchemaRegistryClient registry() {
        return registry;
    }

    public List<Request> requests() {
        return requests;
    }

    /** Answers the next request (after any already scripted) with this status and body instead of serving it. */
    public void answerNext(int status, String contentType, String body) {
        scriptedAnswers.add(new Answer(status, contentType, body));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String rawPath = exchange.getRequestURI().getRawPath();
            requests.add(new Request(exchange.getRequestMethod(), rawPath, exchange.getRequestHeaders(), body));
            Answer scripted = scriptedAnswers.poll();
            Answer answer = scripted != null ? scripted
                    : serve(exchange.getRequestMethod(), rawPath.substring(pathPrefix.length()), body);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private Answer serve(String method, String path, String body) {
        String[] segments = path.substring(1).split("/");
        try {
            if (method.equals("POST") && segments.length == 3 && segments[0].equals("subjects")
                    && segments[2].equals("versions")) {
                return ok(JSON.createObjectNode().put("id", registry.register(decode(segments[1]), schemaOf(body))));
            }
            if (method.equals("POST") && segments.length == 2 && segments[0].equals("subjects")) {
                String subject = decode(segments[1]);
                Schema schema = schemaOf(body);
                return ok(JSON.createObjectNode().put("subject", subject)
                        .put("id", registry.idOf(subject, schema)).put("schema", schema.toString()));
            }
            if (method.equals("GET") && segments.length == 3 && segments[0].equals("schemas")
                    && segments[1].equals("ids")) {
                return ok(JSON.createObjectNode()
                        .put("schema", registry.schemaById(Integer.parseInt(segments[2])).toString()));
            }
            if (method.equals("GET") && segments.length == 4 && segments[0].equals("subjects")
                    && segments[2].equals("versions") && segments[3].equals("latest")) {
                RegisteredSchema latest = registry.latest(decode(segments[1]));
                return ok(JSON.createObjectNode().put("subject", latest.subject()).put("version", latest.version())
                        .put("id", latest.id()).put("schema", latest.schema().toString()));
            }
            return error(404, 404, "HTTP 404 Not Found");
        } catch (SchemaRegistryException e) {
            return error(e.status(), e.errorCode(), e.getMessage());
        } catch (SchemaParseException e) {
            return error(422, SchemaRegistryException.INVALID_SCHEMA, "Invalid schema: " + e.getMessage());
        }
    }

    private static Schema schemaOf(String body) {
        try {
            JsonNode request = JSON.readTree(body);
            return new Schema.Parser().parse(request.path("schema").asText());
        } catch (IOException e) {
            throw new SchemaParseException("request body is not JSON: " + e.getMessage());
        }
    }

    /** One path segment decoded; '+' is a literal plus in a path, unlike in a form. */
    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Answer ok(ObjectNode body) {
        return new Answer(200, CONTENT_TYPE, body.toString());
    }

    private static Answer error(int status, int errorCode, String message) {
        return new Answer(status, CONTENT_TYPE,
                JSON.createObjectNode().put("error_code", errorCode).put("message", message).toString());
    }
}
