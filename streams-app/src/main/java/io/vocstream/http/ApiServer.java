package io.vocstream.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.ContentType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: health and readiness, Prometheus metrics, the OpenAPI document and every capability's
 * {@code /api/v1} routes, with one JSON error shape ({@link ApiError}) for every failure.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    public static final String OPENAPI_RESOURCE = "/openapi.json";

    private final Javalin app;

    private ApiServer(Javalin app) {
        this.app = app;
    }

    /** Starts an open, plain-HTTP server on {@code host:port} (port 0 picks a free one). */
    public static ApiServer start(String host, int port, Readiness readiness, CollectorRegistry metrics,
                                  List<ApiRoutes> capabilities) {
        return start(host, port, readiness, metrics, capabilities, HttpSecurity.open());
    }

    /** Starts the server on {@code host:port} (port 0 picks a free one), with {@code security}'s token and TLS. */
    public static ApiServer start(String host, int port, Readiness readiness, CollectorRegistry metrics,
                                  List<ApiRoutes> capabilities, HttpSecurity security) {
        ObjectMapper json = jsonMapper();
        byte[] openApi = openApiDocument(json, capabilities);
        Javalin app = Javalin.create(cfg -> {
            security.applyTo(cfg, host, port);
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            cfg.startup.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(json, false));
            cfg.http.defaultContentType = ContentType.JSON;
            cfg.routes.get("/health", ctx -> ctx.json(Map.of("status", "UP")));
            cfg.routes.get("/ready", ctx -> readiness.notReadyReason().ifPresentOrElse(
                    reason -> {
                        throw new ServiceUnavailableException(reason, 5);
                    },
                    () -> ctx.json(Map.of("status", "READY"))));
            cfg.routes.get("/metrics", ctx -> {
                ctx.contentType(TextFormat.CONTENT_TYPE_004);
                try (Writer w = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)) {
                    TextFormat.write004(w, metrics.metricFamilySamples());
                }
            });
            cfg.routes.get("/api/v1/openapi.json", ctx -> ctx.contentType(ContentType.JSON).result(openApi));
            capabilities.forEach(c -> c.addTo(cfg.routes));
            cfg.routes.exception(BadParameterException.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST)
                    .json(new ApiError("bad parameter '" + e.parameter() + "'", e.getMessage())));
            cfg.routes.exception(ServiceUnavailableException.class, (e, ctx) -> ctx
                    .status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", String.valueOf(e.retryAfterSeconds()))
                    .json(new ApiError("unavailable", e.getMessage())));
            // Javalin's own refusals (no such endpoint, method not allowed) in the same JSON shape
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus())
                    .json(new ApiError(HttpStatus.forStatus(e.getStatus()).getMessage().toLowerCase(Locale.ROOT),
                            e.getMessage())));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                log.error("request {} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(new ApiError("internal error", e.toString()));
            });
        });
        app.start(host, port);
        return new ApiServer(app);
    }

    /** The mapper every JSON body goes through: ISO-8601 instants, no nulls dropped (null means "nothing to measure"). */
    public static ObjectMapper jsonMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    /** The base document with every capability's paths and schemas merged in. */
    static byte[] openApiDocument(ObjectMapper json, List<ApiRoutes> capabilities) {
        try {
            ObjectNode document = (ObjectNode) json.readTree(resource(OPENAPI_RESOURCE));
            for (ApiRoutes capability : capabilities) {
                String fragmentResource = capability.openApiFragment();
                if (fragmentResource != null) {
                    JsonNode fragment = json.readTree(resource(fragmentResource));
                    document.withObjectProperty("paths").setAll((ObjectNode) fragment.path("paths"));
                    if (fragment.path("components").path("schemas").isObject()) {
                        document.withObjectProperty("components").withObjectProperty("schemas")
                                .setAll((ObjectNode) fragment.path("components").path("schemas"));
                    }
                }
            }
            return json.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document is not valid JSON", e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ApiServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI resource " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        }
    }
}
