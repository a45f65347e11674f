package io.vocstream.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subset of the Confluent Schema Registry REST API that serializers, deserializers and tools use, with
 * Confluent's JSON shapes and error codes, over a {@link SchemaStore}.
 */
final class RegistryRoutes {
    private static final Logger log = LoggerFactory.getLogger(RegistryRoutes.class);
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final List<String> REQUEST_CONTENT_TYPES = List.of(CONTENT_TYPE,
            "application/vnd.schemaregistry+json", "application/json", "application/octet-stream");
    private static final String ERROR_ANSWERED = "registry.errorAnswered";

    private final SchemaStore store;
    /** Unknown request fields (metadata, ruleSet, ...) are ignored, as Confluent ignores them. */
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private RegistryRoutes(SchemaStore store) {
        this.store = store;
    }

    /** A server answering the registry API from {@code store}; not started yet. */
    static Javalin server(SchemaStore store) {
        RegistryRoutes routes = new RegistryRoutes(store);
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.defaultContentType = CONTENT_TYPE;
            routes.addTo(cfg.routes);
        });
    }

    /** {@code GET /subjects/{subject}/versions/{version}} and the lookup answer. */
    record SubjectSchema(String subject, int version, int id, String schema) {
        static SubjectSchema of(SchemaVersion v) {
            return new SubjectSchema(v.subject(), v.version(), v.id(), v.schema());
        }
    }

    record SubjectAndVersion(String subject, int version) {
    }

    record CompatibilityResult(@JsonProperty("is_compatible") boolean isCompatible,
                               @JsonInclude(JsonInclude.Include.NON_NULL) List<String> messages) {
    }

    record ConfigUpdate(String compatibility) {
    }

    record ErrorBody(@JsonProperty("error_code") int errorCode, String message) {
    }

    private void addTo(RoutesConfig routes) {
        routes.get("/", ctx -> respond(ctx, Map.of()));
        routes.get("/mode", ctx -> respond(ctx, Map.of("mode", "READWRITE")));

        routes.get("/schemas/types", ctx -> respond(ctx, List.of(SchemaStore.AVRO)));
        routes.get("/schemas/ids/{id}", ctx -> respond(ctx, Map.of("schema", store.schemaById(id(ctx)))));
        routes.get("/schemas/ids/{id}/schema", ctx -> respondRaw(ctx, store.schemaById(id(ctx))));
        routes.get("/schemas/ids/{id}/subjects", ctx -> respond(ctx,
                store.versionsById(id(ctx), flag(ctx, "deleted")).stream()
                        .map(SchemaVersion::subject).distinct().sorted().toList()));
        routes.get("/schemas/ids/{id}/versions", ctx -> respond(ctx,
                store.versionsById(id(ctx), flag(ctx, "deleted")).stream()
                        .map(v -> new SubjectAndVersion(v.subject(), v.version())).toList()));

        routes.get("/subjects", ctx -> respond(ctx, store.subjects(flag(ctx, "deleted"))));
        routes.post("/subjects/{subject}", ctx -> respond(ctx, SubjectSchema.of(
                store.lookup(subject(ctx), candidate(ctx), flag(ctx, "deleted")))));
        routes.delete("/subjects/{subject}", ctx -> respond(ctx,
                store.deleteSubject(subject(ctx), flag(ctx, "permanent"))));
        routes.get("/subjects/{subject}/versions", ctx -> respond(ctx,
                store.versionNumbers(subject(ctx), flag(ctx, "deleted"))));
        routes.post("/subjects/{subject}/versions", ctx -> respond(ctx,
                Map.of("id", store.register(subject(ctx), candidate(ctx)))));
        routes.get("/subjects/{subject}/versions/{version}", ctx -> respond(ctx, SubjectSchema.of(
                store.version(subject(ctx), version(ctx), flag(ctx, "deleted")))));
        routes.get("/subjects/{subject}/versions/{version}/schema", ctx -> respondRaw(ctx,
                store.version(subject(ctx), version(ctx), flag(ctx, "deleted")).schema()));
        routes.delete("/subjects/{subject}/versions/{version}", ctx -> respond(ctx,
                store.deleteVersion(subject(ctx), version(ctx), flag(ctx, "permanent"))));

        routes.post("/compatibility/subjects/{subject}/versions/{version}", ctx -> respondCompatibility(ctx,
                candidate -> store.checkAgainstVersion(subject(ctx), version(ctx), candidate)));
        routes.post("/compatibility/subjects/{subject}/versions", ctx -> respondCompatibility(ctx,
                candidate -> store.checkAgainstAll(subject(ctx), candidate)));

        routes.get("/config", ctx -> respond(ctx, levelBody(store.globalLevel())));
        routes.put("/config", ctx -> respond(ctx, updateLevel(ctx, null)));
        routes.delete("/config", ctx -> respond(ctx, levelBody(store.clearGlobalLevel())));
        routes.get("/config/{subject}", ctx -> respond(ctx, levelBody(flag(ctx, "defaultToGlobal")
                ? store.effectiveLevel(subject(ctx))
                : store.subjectLevel(subject(ctx))
                        .orElseThrow(() -> RegistryException.subjectLevelNotConfigured(subject(ctx))))));
        routes.put("/config/{subject}", ctx -> respond(ctx, updateLevel(ctx, subject(ctx))));
        routes.delete("/config/{subject}", ctx -> respond(ctx,
                levelBody(store.clearSubjectLevel(subject(ctx)))));

        routes.exception(RegistryException.class, (e, ctx) ->
                respondError(ctx, e.httpStatus(), e.errorCode(), e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("schema registry request {} {} failed", ctx.method(), ctx.path(), e);
            respondError(ctx, 500, 500, e.toString());
        });
        // Javalin answers an unknown route with a plain-text 404 of its own; registry 404s already have their body
        routes.error(404, ctx -> {
            if (ctx.attribute(ERROR_ANSWERED) == null) {
                RegistryException notFound = RegistryException.routeNotFound(ctx.method().name(), ctx.path());
                respondError(ctx, notFound.httpStatus(), notFound.errorCode(), notFound.getMessage());
            }
        });
    }

    /** With {@code ?verbose=true} an invalid schema is an incompatibility reported in the messages, as Confluent does. */
    private void respondCompatibility(Context ctx, Function<SchemaStore.Candidate, List<String>> check) {
        boolean verbose = flag(ctx, "verbose");
        List<String> problems;
        try {
            problems = check.apply(candidate(ctx));
        } catch (RegistryException e) {
            if (!verbose || e.errorCode() != 42201) {
                throw e;
            }
            problems = List.of(e.getMessage());
        }
        respond(ctx, new CompatibilityResult(problems.isEmpty(), verbose ? problems : null));
    }

    private Map<String, String> updateLevel(Context ctx, String subjectOrNullForGlobal) {
        CompatibilityLevel level = CompatibilityLevel.parse(body(ctx, ConfigUpdate.class).compatibility());
        store.setLevel(subjectOrNullForGlobal, level);
        return Map.of("compatibility", level.name());
    }

    private static Map<String, String> levelBody(CompatibilityLevel level) {
        return Map.of("compatibilityLevel", level.name());
    }

    private SchemaStore.Candidate candidate(Context ctx) {
        return body(ctx, SchemaStore.Candidate.class);
    }

    private <T> T body(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType != null) {
            String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (!REQUEST_CONTENT_TYPES.contains(mediaType)) {
                throw RegistryException.unsupportedMediaType(contentType, REQUEST_CONTENT_TYPES);
            }
        }
        byte[] body = ctx.bodyAsBytes();
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw RegistryException.missingBody();
        }
        T value;
        try {
            value = json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw RegistryException.badRequest(e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (value == null) {
            throw RegistryException.missingBody();
        }
        return value;
    }

    private static String subject(Context ctx) {
        return ctx.pathParam("subject");
    }

    private static VersionId version(Context ctx) {
        return VersionId.parse(ctx.pathParam("version"));
    }

    private static int id(Context ctx) {
        String id = ctx.pathParam("id");
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw RegistryException.schemaNotFound(id);
        }
    }

    private static boolean flag(Context ctx, String name) {
        return Boolean.parseBoolean(ctx.queryParam(name));
    }

    private void respond(Context ctx, Object body) {
        respondRaw(ctx, toJson(body));
    }

    private static void respondRaw(Context ctx, String body) {
        ctx.contentType(CONTENT_TYPE).result(body);
    }

    private void respondError(Context ctx, int status, int errorCode, String message) {
        ctx.attribute(ERROR_ANSWERED, true);
        ctx.status(status);
        respond(ctx, new ErrorBody(errorCode, message));
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
