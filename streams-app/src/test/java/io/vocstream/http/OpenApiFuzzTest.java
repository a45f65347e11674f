package io.vocstream.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocstream.events.AgentState;
import io.vocstream.events.ComplaintEventType;
import io.vocstream.events.ContactEventType;
import io.vocstream.events.IvrEventType;
import io.vocstream.events.RepairEventType;
import io.vocstream.events.Touchpoint;
import io.vocstream.testing.Events;
import io.vocstream.testing.LiveApp;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated bad input for every endpoint: each query and path parameter the served OpenAPI document declares gets
 * a set of unusable values, one at a time. Every answer is either a 200 (the value is legitimately accepted, such as
 * an unknown region slice) or a 4xx with a JSON {@code error}; a 400 names the parameter. Never a 500.
 */
class OpenApiFuzzTest {
    /** Empty, blank, too long, not a number, negative, huge, not finite, unknown enum symbols, a window that does not
     *  exist, malformed and out-of-range instants, and characters that break naive parsing, escaping or routing. */
    private static final List<String> BAD_VALUES = List.of(
            "", " ", "x".repeat(2000), "abc", "-1", "99999999999999999999", "1e309", "not-an-option", "2y",
            "2026-13-45T25:61:00Z", "2026-11-23", "99999999999999999", "%", "\u0000", "'; DROP TABLE x; --",
            "<script>alert(1)</script>", "ü€😀", "a/b");
    /** Wrong types, signs, sizes and symbols: what may clash with the values of the other parameters. */
    private static final List<String> BAD_AMONG_VALID = List.of(
            "", "abc", "-1", "99999999999999999999", "not-an-option", "2026-13-45T25:61:00Z", "99999999999999999");

    private static final Instant NOW = Instant.now();

    @TempDir
    static Path dataDir;
    static LiveApp app;

    @BeforeAll
    static void start() throws Exception {
        app = LiveApp.start(dataDir, Map.of(
                // one partition per topic and one stream thread: the quickest start, and all this test needs
                "topics.partitions", "1", "stream.threads", "1"));
        Instant now = Instant.now();
        // some state in every capability, so that the answers are computed, not empty
        app.produce(
                Events.contact("c1", ContactEventType.OFFERED, now.minusSeconds(120)).build(),
                Events.contact("c1", ContactEventType.ANSWERED, now.minusSeconds(60)).setWaitSeconds(60.0)
                        .setAgentId("a1").build(),
                Events.agent("a1", AgentState.AVAILABLE, now.minusSeconds(300)).build(),
                Events.ivr("s1", IvrEventType.SESSION_STARTED, now.minusSeconds(200)).build(),
                Events.repair("w1", RepairEventType.CREATED, now.minusSeconds(600)).build(),
                Events.complaint("k1", ComplaintEventType.OPENED, now.minusSeconds(500)).build(),
                Events.survey("r1", Touchpoint.AGENT, now.minusSeconds(30)).setCsat(4).setContactId("c1").build());
        app.await("/api/v1/ingest/topics", rows -> {
            long events = 0;
            for (JsonNode row : rows) {
                events += row.get("events").asLong();
            }
            return events == 7;
        });
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @DisplayName("every parameter of every endpoint, fed bad values alone and among valid values of the others, "
            + "answers 200 or a JSON 4xx naming it; never 5xx")
    void badParametersNeverFailTheServer() throws Exception {
        JsonNode document = LiveApp.json(app.get("/api/v1/openapi.json").body());
        List<String> problems = new ArrayList<>();
        int requests = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode get = path.getValue().get("get");
            if (get == null || !get.has("parameters")) {
                continue;
            }
            List<JsonNode> parameters = new ArrayList<>();
            get.get("parameters").forEach(p -> parameters.add(resolve(document, p)));
            for (JsonNode parameter : parameters) {
                for (String bad : BAD_VALUES) {
                    check(path.getKey(), parameters, parameter, bad, false).ifPresent(problems::add);
                    requests++;
                }
                for (String bad : BAD_AMONG_VALID) {
                    check(path.getKey(), parameters, parameter, bad, true).ifPresent(problems::add);
                    requests++;
                }
            }
        }
        assertTrue(requests > 400, "the document declares parameters (" + requests + " requests)");
        assertTrue(problems.isEmpty(), problems.size() + " bad answers:\n" + String.join("\n", problems));
    }

    /** Asks for {@code tested} = {@code bad}: what is wrong with the answer, if anything. */
    private static Optional<String> check(String template, List<JsonNode> parameters, JsonNode tested, String bad,
                                          boolean othersSet) throws Exception {
        String url = url(template, parameters, tested, bad, othersSet);
        HttpResponse<String> r = app.get(url);
        // among other values, a 400 may blame the other side of a conflict (from and to, say)
        List<String> blamable = othersSet ? names(parameters) : List.of(tested.get("name").asText());
        String problem = problem(r, tested, bad, blamable);
        return problem == null ? Optional.empty() : Optional.of(url.substring(0, Math.min(url.length(), 200))
                + " -> " + r.statusCode() + " " + r.body().substring(0, Math.min(r.body().length(), 300)) + ": "
                + problem);
    }

    /** Why the answer is wrong, or null; a 400 must name one of {@code blamable}. */
    private static String problem(HttpResponse<String> r, JsonNode parameter, String bad, List<String> blamable) {
        int status = r.statusCode();
        if (status == 200) {
            return null;
        }
        if (status < 400 || status > 499) {
            return "not 200 or 4xx";
        }
        JsonNode body;
        try {
            body = LiveApp.json(r.body());
        } catch (Exception e) {
            return "the body is not JSON";
        }
        if (!body.path("error").isTextual()) {
            return "no \"error\" in the body";
        }
        boolean controlCharacterInPath = parameter.get("in").asText().equals("path")
                && bad.chars().anyMatch(Character::isISOControl);
        if (status == 400 && controlCharacterInPath && body.get("error").asText().equals("bad request")) {
            return null; // Jetty refuses a control character in the path before any route could name the parameter
        }
        if (status == 400 && blamable.stream().noneMatch(
                name -> body.get("error").asText().equals("bad parameter '" + name + "'"))) {
            return "the 400 does not name " + blamable;
        }
        return null;
    }

    /**
     * The path with {@code bad} as {@code tested}'s value, a valid value for every other path parameter and, if
     * {@code othersSet}, for every other query parameter.
     */
    private static String url(String template, List<JsonNode> parameters, JsonNode tested, String bad,
                              boolean othersSet) {
        String path = template;
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : parameters) {
            String name = parameter.get("name").asText();
            String value = parameter == tested ? bad : validValue(parameter);
            if (parameter.get("in").asText().equals("path")) {
                path = path.replace("{" + name + "}", encodePathSegment(value));
            } else if (parameter == tested || othersSet) {
                query.add(encode(name) + "=" + encode(value));
            }
        }
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    /** A value the parameter accepts: a region slice, an instant in the last hour, a symbol, or its default. */
    private static String validValue(JsonNode parameter) {
        String name = parameter.get("name").asText();
        JsonNode schema = parameter.path("schema");
        JsonNode symbols = schema.path("enum");
        List<String> symbolList = new ArrayList<>();
        symbols.forEach(symbol -> symbolList.add(symbol.asText()));
        if (symbolList.contains("region")) {
            return "region";
        }
        if (!symbolList.isEmpty()) {
            return symbolList.get(0);
        }
        return switch (name) {
            case "value" -> "north";
            case "from" -> NOW.minusSeconds(3600).toString();
            case "at", "to" -> NOW.toString();
            default -> schema.has("default") ? schema.get("default").asText()
                    : schema.path("type").asText().equals("integer") ? "1" : "x";
        };
    }

    private static List<String> names(List<JsonNode> parameters) {
        return parameters.stream().map(p -> p.get("name").asText()).toList();
    }

    private static JsonNode resolve(JsonNode document, JsonNode parameter) {
        JsonNode ref = parameter.get("$ref");
        return ref == null ? parameter : document.at(ref.asText().substring(1));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A path segment: percent-encoded, and an empty value still a (blank) segment so that the route matches. */
    private static String encodePathSegment(String s) {
        return s.isEmpty() ? "%20" : encode(s);
    }
}
