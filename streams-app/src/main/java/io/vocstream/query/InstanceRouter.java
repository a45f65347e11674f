package io.vocstream.query;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.vocstream.http.ServiceUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreType;

/**
 * Answers a query from whichever instances hold the state: this instance's local stores, and for state spread
 * over several instances a fan-out to the others ({@code ?scope=local} on the same path) whose partial rows the
 * caller merges. Instances find each other through Kafka Streams' {@code application.server} metadata.
 */
public final class InstanceRouter {
    public static final String SCOPE = "scope";
    public static final String SCOPE_LOCAL = "local";
    private static final int RETRY_AFTER_SECONDS = 2;

    private final KafkaStreams streams;
    private final HostInfo self;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public InstanceRouter(KafkaStreams streams, HostInfo self, ObjectMapper json) {
        this.streams = streams;
        this.self = self;
        this.json = json;
    }

    /** This instance's shards of a store; reading them is a 503 while they are restoring or migrating. */
    public <T> T localStore(String storeName, QueryableStoreType<T> type) {
        return queryable(storeName, () -> streams.store(StoreQueryParameters.fromNameAndType(storeName, type)));
    }

    /** Runs a read of local state, turning "not queryable now" (a rebalance, a restore) into a 503. */
    private <T> T queryable(String storeName, Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidStateStoreException e) {
            throw new ServiceUnavailableException("store '" + storeName + "' is not queryable now ("
                    + streams.state() + "): " + e.getMessage(), RETRY_AFTER_SECONDS);
        }
    }

    /**
     * The local rows plus, unless the request is itself a fan-out leg, the rows of every other instance that
     * hosts {@code storeName}; the caller merges rows that describe the same thing.
     */
    public <T> List<T> gather(Context ctx, String storeName, Class<T> rowType, Supplier<List<T>> local) {
        List<T> rows = new ArrayList<>(queryable(storeName, local));
        if (SCOPE_LOCAL.equals(ctx.queryParam(SCOPE))) {
            return rows;
        }
        JavaType listType = json.getTypeFactory().constructCollectionType(List.class, rowType);
        for (StreamsMetadata instance : streams.streamsMetadataForStore(storeName)) {
            if (!instance.hostInfo().equals(self)) {
                rows.addAll(fetch(instance.hostInfo(), ctx, listType));
            }
        }
        return rows;
    }

    /**
     * Answers a query whose figures are computed from partial statistics: a fan-out leg ({@code scope=local})
     * answers with this instance's partials; any other request gathers every instance's partials and answers with
     * {@code finish} applied to them.
     */
    public <P> void answer(Context ctx, String storeName, Class<P> partialType, Supplier<List<P>> localPartials,
                           Function<List<P>, ?> finish) {
        List<P> partials = gather(ctx, storeName, partialType, localPartials);
        ctx.json(SCOPE_LOCAL.equals(ctx.queryParam(SCOPE)) ? partials : finish.apply(partials));
    }

    private <T> List<T> fetch(HostInfo host, Context ctx, JavaType listType) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + ctx.path() + "?" + localQuery(ctx));
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new ServiceUnavailableException("instance " + host + " answered " + response.statusCode()
                        + " for " + ctx.path(), RETRY_AFTER_SECONDS);
            }
            return json.readValue(response.body(), listType);
        } catch (IOException e) {
            throw new ServiceUnavailableException("instance " + host + " is unreachable: " + e.getMessage(),
                    RETRY_AFTER_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("interrupted while asking " + host, RETRY_AFTER_SECONDS);
        }
    }

    private static String localQuery(Context ctx) {
        Map<String, List<String>> params = ctx.queryParamMap();
        String forwarded = params.entrySet().stream()
                .filter(e -> !e.getKey().equals(SCOPE))
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
        return (forwarded.isEmpty() ? "" : forwarded + "&") + SCOPE + "=" + SCOPE_LOCAL;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
