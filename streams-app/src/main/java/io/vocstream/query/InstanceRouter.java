package io.vocstream.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.vocstream.http.HttpSecurity;
import io.vocstream.http.PeerClient;
import io.vocstream.http.ServiceUnavailableException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.internals.StateStoreProvider;

/**
 * Answers a query from whichever instances hold the state: this instance's local stores, and for state spread
 * over several instances a fan-out to the others ({@code ?scope=local} on the same path) whose partial rows the
 * caller merges. Instances find each other through Kafka Streams' {@code application.server} metadata.
 *
 * <p>An answer is only given from a settled assignment: this instance RUNNING, every instance asked answering, and
 * the assignment the same after the gathering as before it, so that no task is read twice or missed while it moves.
 * While a rebalance or a restore is under way a query is retried with backoff for {@link #PATIENCE}; then it is a 503
 * with {@code Retry-After}. A fan-out leg never waits: its caller retries the whole gathering.
 */
public final class InstanceRouter {
    public static final String SCOPE = "scope";
    public static final String SCOPE_LOCAL = "local";
    /** How long a query waits for a rebalance or restore to end before it is answered with a 503. */
    static final Duration PATIENCE = Duration.ofMillis(2500);
    private static final long FIRST_BACKOFF_MILLIS = 50;
    private static final long MAX_BACKOFF_MILLIS = 800;
    private static final Duration LEG_TIMEOUT = Duration.ofSeconds(5);
    private static final int RETRY_AFTER_SECONDS = 2;
    /** Stores of no local task: read as empty, since every other instance answers for its own tasks. */
    private static final StateStoreProvider NO_LOCAL_TASKS = new StateStoreProvider() {
        @Override
        public <T> List<T> stores(String storeName, QueryableStoreType<T> queryableStoreType) {
            return List.of();
        }
    };

    private final KafkaStreams streams;
    private final HostInfo self;
    /** Writes answers, as the HTTP server's JSON mapper does. */
    private final ObjectMapper json;
    /** Reads other instances' rows, skipping the derived properties rows also carry (such as an alert's "open"). */
    private final ObjectReader rowReader;
    private final PeerClient peers;
    private final AnswerCache answers;

    /** A router whose requests to other instances carry no token and use http (tests, open deployments). */
    public InstanceRouter(KafkaStreams streams, HostInfo self, ObjectMapper json) {
        this(streams, self, json, HttpSecurity.open().peerClient());
    }

    /** @param peers how this instance asks the others: https and the token when this deployment requires them */
    public InstanceRouter(KafkaStreams streams, HostInfo self, ObjectMapper json, PeerClient peers) {
        this(streams, self, json, peers, AnswerCache.none());
    }

    /** @param answers answers of {@link #answer} shared by the requests asking the same within its time to live */
    public InstanceRouter(KafkaStreams streams, HostInfo self, ObjectMapper json, PeerClient peers,
                          AnswerCache answers) {
        this.streams = streams;
        this.self = self;
        this.json = json;
        this.rowReader = json.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.peers = peers;
        this.answers = answers;
    }

    /**
     * This instance's shards of a store: its tasks that run here, none if none runs here. Reading them is refused
     * while they restore or migrate; call it from the {@code local} reads of {@link #gather} or {@link #answer},
     * which retry then and answer 503 if the refusal lasts.
     */
    public <T> T localStore(String storeName, QueryableStoreType<T> type) {
        if (!hostsOf(List.of(storeName)).contains(self)) {
            return type.create(NO_LOCAL_TASKS, storeName);
        }
        return streams.store(StoreQueryParameters.fromNameAndType(storeName, type));
    }

    /** {@link #gather(Context, List, Class, Supplier)} of a route whose rows come from one store. */
    public <T> List<T> gather(Context ctx, String storeName, Class<T> rowType, Supplier<List<T>> local) {
        return gather(ctx, List.of(storeName), rowType, local);
    }

    /**
     * The local rows plus, unless the request is itself a fan-out leg, the rows of every other instance that hosts
     * any of {@code storeNames} (each asked once, answering from all its local stores); the caller merges rows that
     * describe the same thing. {@code local} must read every store of {@code storeNames} it needs through
     * {@link #localStore}.
     */
    public <T> List<T> gather(Context ctx, List<String> storeNames, Class<T> rowType, Supplier<List<T>> local) {
        return gather(Request.of(ctx), storeNames, rowType, local);
    }

    private <T> List<T> gather(Request request, List<String> storeNames, Class<T> rowType, Supplier<List<T>> local) {
        boolean leg = request.leg();
        JavaType listType = rowReader.getTypeFactory().constructCollectionType(List.class, rowType);
        return patiently(leg, () -> {
            Set<StreamsMetadata> assignment = assignment();
            List<T> rows = new ArrayList<>(local.get());
            if (!leg) {
                List<CompletableFuture<List<T>>> legs = hostsOf(storeNames).stream()
                        .filter(host -> !host.equals(self))
                        .map(host -> this.<T>fetch(host, request, listType))
                        .toList();
                for (CompletableFuture<List<T>> answer : legs) {
                    rows.addAll(joined(answer));
                }
            }
            if (!assignment.equals(assignment())) {
                throw unavailable("the assignment of tasks changed while the answer was gathered");
            }
            return rows;
        });
    }

    /** {@link #answer(Context, List, Class, Supplier, Function)} of a route whose partials come from one store. */
    public <P> void answer(Context ctx, String storeName, Class<P> partialType, Supplier<List<P>> localPartials,
                           Function<List<P>, ?> finish) {
        answer(ctx, List.of(storeName), partialType, localPartials, finish);
    }

    /**
     * Answers a query whose figures are computed from partial statistics read from {@code storeNames}: a fan-out leg
     * ({@code scope=local}) answers with this instance's partials; any other request gathers every instance's
     * partials and answers with {@code finish} applied to them.
     */
    public <P> void answer(Context ctx, List<String> storeNames, Class<P> partialType,
                           Supplier<List<P>> localPartials, Function<List<P>, ?> finish) {
        // the path and its parameters are the question (a fan-out leg's scope=local among them); the answer may be
        // computed again after this request is answered, so from them and not from the request
        Request request = Request.of(ctx);
        String question = request.path() + "?" + new TreeMap<>(request.params()) + " " + partialType.getName();
        // kept as the JSON it is sent as, so that a shared answer is not written again for every request
        AnswerCache.Answer answer = answers.answer(question, () -> {
            List<P> partials = gather(request, storeNames, partialType, localPartials);
            Object body = request.leg() ? partials : finish.apply(partials);
            try {
                return body instanceof WithHeaders headed
                        ? new AnswerCache.Answer(json.writeValueAsBytes(headed.body()), headed.headers())
                        : new AnswerCache.Answer(json.writeValueAsBytes(body), Map.of());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the answer to " + request.path() + " as JSON", e);
            }
        });
        answer.headers().forEach(ctx::header);
        ctx.contentType(ContentType.APPLICATION_JSON).result(answer.json());
    }

    /** An answer's body and the response headers that go with it, as a {@code finish} of {@link #answer} returns. */
    public record WithHeaders(Object body, Map<String, String> headers) {
    }

    /** What a query asks: its path and parameters, read from the request while it lasts. */
    private record Request(String path, Map<String, List<String>> params) {
        static Request of(Context ctx) {
            return new Request(ctx.path(), Map.copyOf(ctx.queryParamMap()));
        }

        boolean leg() {
            return params.getOrDefault(SCOPE, List.of()).contains(SCOPE_LOCAL);
        }
    }

    /**
     * Runs {@code attempt} again, with exponential backoff, while it is refused because state is not queryable now
     * and a rebalance can still end within the patience; then, or at once for a fan-out leg or an instance that is
     * not started or is stopping, the refusal is the answer (a 503).
     */
    private <R> R patiently(boolean leg, Supplier<R> attempt) {
        long started = System.nanoTime();
        long deadline = started + PATIENCE.toNanos();
        long backoffMillis = FIRST_BACKOFF_MILLIS;
        while (true) {
            try {
                return attempt.get();
            } catch (ServiceUnavailableException | InvalidStateStoreException e) {
                boolean settling = streams.state() == KafkaStreams.State.REBALANCING
                        || streams.state() == KafkaStreams.State.RUNNING;
                if (leg || !settling) {
                    throw unavailable(e.getMessage());
                }
                if (System.nanoTime() + backoffMillis * 1_000_000 > deadline) {
                    throw unavailable(e.getMessage() + "; still so after "
                            + (System.nanoTime() - started) / 1_000_000 + " ms of retries");
                }
                sleep(backoffMillis);
                backoffMillis = Math.min(2 * backoffMillis, MAX_BACKOFF_MILLIS);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting for a rebalance to end");
        }
    }

    /** Every instance's hosts, stores and partitions: what this instance believes the assignment is. */
    private Set<StreamsMetadata> assignment() {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING) {
            throw unavailable("Kafka Streams is " + state + " (" + (state == KafkaStreams.State.REBALANCING
                    ? "a rebalance or a restore is under way" : "not running") + ")");
        }
        return new HashSet<>(streams.metadataForAllStreamsClients());
    }

    /**
     * The instances running an active task of any of {@code storeNames}, in a stable order (standby copies are not
     * read: each task is read where it is active).
     */
    private Set<HostInfo> hostsOf(List<String> storeNames) {
        Set<HostInfo> hosts = new TreeSet<>(Comparator.comparing(HostInfo::host).thenComparingInt(HostInfo::port));
        for (StreamsMetadata instance : assignment()) {
            if (storeNames.stream().anyMatch(instance.stateStoreNames()::contains)) {
                hosts.add(instance.hostInfo());
            }
        }
        return hosts;
    }

    /** Asks {@code host} for its partial rows of the same query; a refusal or no answer makes it unavailable. */
    private <T> CompletableFuture<List<T>> fetch(HostInfo host, Request request, JavaType listType) {
        String path = request.path();
        return peers.getAsync(host.host(), host.port(), path + "?" + localQuery(request.params()), LEG_TIMEOUT)
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw unavailable("instance " + host + " is unreachable: " + failure);
                    }
                    if (response.statusCode() != 200) {
                        throw unavailable("instance " + host + " answered " + response.statusCode() + " for " + path + ": "
                                + new String(response.body(), StandardCharsets.UTF_8));
                    }
                    try {
                        return rowReader.forType(listType).readValue(response.body());
                    } catch (IOException e) {
                        throw unavailable("instance " + host + " answered " + path + " with rows this instance cannot read: "
                                + e.getMessage());
                    }
                });
    }

    private static <T> List<T> joined(CompletableFuture<List<T>> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static ServiceUnavailableException unavailable(String why) {
        return new ServiceUnavailableException(why, RETRY_AFTER_SECONDS);
    }

    /** A request's own parameters, with {@code scope=local} instead of any scope it had. */
    static String localQuery(Map<String, List<String>> params) {
        Map<String, List<String>> forwarded = new LinkedHashMap<>(params);
        forwarded.remove(SCOPE);
        String query = forwarded.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
        return (query.isEmpty() ? "" : query + "&") + SCOPE + "=" + SCOPE_LOCAL;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
