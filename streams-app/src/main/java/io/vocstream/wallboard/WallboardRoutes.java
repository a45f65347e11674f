package io.vocstream.wallboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.sse.SseHandler;
import io.vocstream.config.AppConfig;
import io.vocstream.http.ApiRoutes;
import io.vocstream.http.ApiServer;
import io.vocstream.http.PeerClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The live wallboard: the page at {@code /} with its script and style (no build step, nothing from elsewhere), and
 * {@code /api/v1/wallboard/events}, the server-sent events that carry each board as it changes.
 */
public final class WallboardRoutes implements ApiRoutes {
    public static final String PAGE = "/";
    public static final String ASSETS = "/wallboard/{asset}";
    public static final String EVENTS = "/api/v1/wallboard/events";
    private static final String EVENT_STREAM = "text/event-stream";
    /** The page loads only what this server serves. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:";
    private static final Map<String, String> ASSET_TYPES = Map.of(
            "wallboard.js", "text/javascript; charset=utf-8",
            "wallboard.css", "text/css; charset=utf-8");

    private final byte[] page;
    private final Map<String, byte[]> assets;
    private final LiveFeed feed;

    /** @param self where this instance serves HTTP: the board reads its figures from this instance's own API */
    /** @param peers how the board asks this instance's API: https and the token when the deployment requires them */
    public WallboardRoutes(HostInfo self, AppConfig config, PeerClient peers) {
        ObjectMapper json = ApiServer.jsonMapper();
        this.page = resource("index.html");
        this.assets = ASSET_TYPES.keySet().stream().collect(Collectors.toMap(name -> name, WallboardRoutes::resource));
        this.feed = new LiveFeed(new ApiSource(peers, self, json),
                new DataFlow(WallboardSettings.from(config).staleAfter()), json, config.timeZone());
    }

    @Override
    public String openApiFragment() {
        return "/openapi/wallboard.json";
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PAGE, ctx -> ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .contentType("text/html; charset=utf-8").result(page));
        routes.get(ASSETS, this::asset);
        routes.get(EVENTS, this::events);
    }

    private void asset(Context ctx) {
        String name = ctx.pathParam("asset");
        byte[] body = assets.get(name);
        if (body == null) {
            throw new NotFoundResponse("no wallboard asset '" + name + "'; there are " + ASSET_TYPES.keySet());
        }
        ctx.contentType(ASSET_TYPES.get(name)).result(body);
    }

    private void events(Context ctx) throws Exception {
        WallboardFilter filter = WallboardFilter.of(ctx);
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains(EVENT_STREAM)) {
            throw new HttpResponseException(HttpStatus.NOT_ACCEPTABLE.getCode(), EVENTS
                    + " streams server-sent events: send 'Accept: " + EVENT_STREAM + "' (an EventSource does)");
        }
        new SseHandler(page -> feed.join(page, filter)).handle(ctx);
    }

    private static byte[] resource(String name) {
        try (InputStream in = WallboardRoutes.class.getResourceAsStream("/wallboard/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the wallboard resource /wallboard/" + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the wallboard resource " + name + " could not be read", e);
        }
    }
}
