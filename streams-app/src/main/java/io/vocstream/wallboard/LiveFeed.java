package io.vocstream.wallboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes boards to the open pages over server-sent events. Every {@link #TICK}, while a page is open, one thread reads
 * the count of events read (cheap: it says whether data is flowing); while data flows, and for {@link #SETTLE} after,
 * and otherwise every {@link #REFRESH}, it reads every answer the boards need, each path once and all at once however
 * many pages are open. It then composes one board per filter in use and sends it to the pages of that filter when it
 * differs from what they were sent last; a page that just connected gets the current board at the next tick. A
 * heartbeat every {@link #HEARTBEAT} lets a page tell a quiet board from a lost connection. That thread is the only
 * one writing to the pages.
 */
final class LiveFeed {
    static final Duration TICK = Duration.ofMillis(500);
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    static final Duration SETTLE = Duration.ofSeconds(5);
    static final Duration REFRESH = Duration.ofSeconds(10);
    /** Distinct filters served at once: each adds its own answers to every read. */
    static final int MAX_FILTERS = 32;
    static final String SNAPSHOT_EVENT = "snapshot";
    static final String UNAVAILABLE_EVENT = "unavailable";
    static final String HEARTBEAT_EVENT = "heartbeat";
    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final ApiSource source;
    private final DataFlow flow;
    private final ObjectMapper json;
    private final ZoneId zone;
    /** The open pages of each filter in use, with what each was sent last. */
    private final Map<WallboardFilter, Map<SseClient, Message>> audiences = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor ticker;
    // guarded by this: the running schedule (null while no page is open), whether the server's stop is watched
    private ScheduledFuture<?> ticking;
    private boolean watchingServer;
    private volatile boolean stopped;
    // the feed thread's own: the answers the boards are composed from and the filters they were read for, the last
    // heartbeat, the problem last logged
    private ApiSource.Answers answers;
    private Set<WallboardFilter> answered;
    private Instant lastHeartbeat = Instant.EPOCH;
    private String lastProblem;

    LiveFeed(ApiSource source, DataFlow flow, ObjectMapper json, ZoneId zone) {
        this.source = source;
        this.flow = flow;
        this.json = json;
        this.zone = zone;
        this.ticker = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "wallboard-feed");
            t.setDaemon(true);
            return t;
        });
        // no thread is kept while no page is open
        ticker.setKeepAliveTime(10, TimeUnit.SECONDS);
        ticker.allowCoreThreadTimeOut(true);
        ticker.setRemoveOnCancelPolicy(true);
    }

    /** An SSE event as sent: its name and JSON data. */
    private record Message(String event, String data) {
        static final Message NOTHING = new Message("", "");
    }

    /** Adds a page showing {@code filter}; it is served until its connection closes or the server stops. */
    void join(SseClient page, WallboardFilter filter) {
        synchronized (this) {
            if (!watchingServer) {
                stopWithServerOf(page);
                watchingServer = true;
            }
            if (!audiences.containsKey(filter) && audiences.size() >= MAX_FILTERS) {
                page.sendEvent(UNAVAILABLE_EVENT, problem("the wallboard is serving " + MAX_FILTERS
                        + " different filters already; use one of them or the whole service"));
                page.close();
                return;
            }
            audiences.computeIfAbsent(filter, f -> new ConcurrentHashMap<>()).put(page, Message.NOTHING);
            if (ticking == null) {
                ticking = ticker.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        page.onClose(() -> leave(page, filter));
        page.keepAlive();
    }

    /**
     * Stops serving as soon as the HTTP server starts stopping: a page learns of a closed connection only when it is
     * written to, and writing to a connection of a stopped server fails inside the server.
     */
    private void stopWithServerOf(SseClient page) {
        ServletContextHandler.getServletContextHandler(page.ctx().req().getServletContext()).getServer()
                .addEventListener(new LifeCycle.Listener() {
                    @Override
                    public void lifeCycleStopping(LifeCycle server) {
                        stop();
                    }
                });
    }

    private synchronized void stop() {
        stopped = true;
        audiences.clear();
        ticker.shutdownNow();
    }

    private synchronized void leave(SseClient page, WallboardFilter filter) {
        Map<SseClient, Message> pages = audiences.get(filter);
        if (pages != null) {
            pages.remove(page);
            if (pages.isEmpty()) {
                audiences.remove(filter);
            }
        }
    }

    /** The audiences to serve now; none stops the ticking and the watch of the data flow. */
    private synchronized List<Map.Entry<WallboardFilter, Map<SseClient, Message>>> audiencesOrStop() {
        if (audiences.isEmpty() && ticking != null) {
            ticking.cancel(false);
            ticking = null;
            flow.stopWatching();
            answers = null;
        }
        return new ArrayList<>(audiences.entrySet());
    }

    private void tick() {
        try {
            List<Map.Entry<WallboardFilter, Map<SseClient, Message>>> serving = audiencesOrStop();
            if (serving.isEmpty()) {
                return;
            }
            Instant now = Instant.now();
            Freshness freshness = null;
            Message flowProblem = null;
            try {
                freshness = SnapshotComposer.freshness(flow, source.read(SnapshotComposer.INGEST), now);
            } catch (ApiSource.Unavailable e) {
                flowProblem = problemMessage(e.getMessage());
            }
            if (flowProblem == null) {
                Set<WallboardFilter> filters = serving.stream().map(Map.Entry::getKey).collect(Collectors.toSet());
                if (outdated(filters, freshness, now)) {
                    answers = source.read(SnapshotComposer.paths(filters, now, zone), now);
                    answered = filters;
                }
            }
            for (Map.Entry<WallboardFilter, Map<SseClient, Message>> served : serving) {
                serve(served.getValue(), flowProblem != null ? flowProblem : board(served.getKey(), freshness));
            }
            if (!Duration.between(lastHeartbeat, now).minus(HEARTBEAT).isNegative()) {
                lastHeartbeat = now;
                Message beat = new Message(HEARTBEAT_EVENT, json(Map.of("serverTime", now)));
                serving.forEach(served -> served.getValue().keySet().forEach(page -> send(page, beat)));
            }
        } catch (RuntimeException e) {
            // a failed tick must not end the schedule: the next one tries again
            log.error("composing the wallboard failed", e);
        }
    }

    /**
     * Whether the answers must be read again: none yet, a filter they were not read for, data arrived within
     * {@link #SETTLE} (the capabilities' state follows the input a little later), or they are {@link #REFRESH} old
     * (figures that move with the clock alone: rolling windows, the longest wait).
     */
    private boolean outdated(Set<WallboardFilter> filters, Freshness freshness, Instant now) {
        return answers == null || !answered.containsAll(filters)
                || !now.isBefore(answers.at().plus(REFRESH))
                || freshness.dataReceivedAt() != null && now.isBefore(freshness.dataReceivedAt().plus(SETTLE));
    }

    private Message board(WallboardFilter filter, Freshness freshness) {
        try {
            Message board = new Message(SNAPSHOT_EVENT,
                    json(SnapshotComposer.compose(filter, answers, freshness, zone)));
            lastProblem = null;
            return board;
        } catch (ApiSource.Unavailable e) {
            answers = null; // read again at the next tick
            return problemMessage(e.getMessage());
        }
    }

    /** Sends {@code message} to each page that was sent something else last (a page that just joined: nothing). */
    private void serve(Map<SseClient, Message> pages, Message message) {
        pages.forEach((page, sent) -> {
            // replace fails for a page that left meanwhile
            if (!message.equals(sent) && pages.replace(page, sent, message)) {
                send(page, message);
            }
        });
    }

    private void send(SseClient page, Message message) {
        if (!stopped && !page.terminated()) {
            page.sendEvent(message.event(), message.data());
        }
    }

    private Message problemMessage(String detail) {
        if (!detail.equals(lastProblem)) {
            log.info("wallboard figures unavailable: {}", detail);
        }
        lastProblem = detail;
        return new Message(UNAVAILABLE_EVENT, problem(detail));
    }

    private String problem(String detail) {
        return json(Map.of("detail", detail));
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a wallboard message could not be written as JSON", e);
        }
    }
}
