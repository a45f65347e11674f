package io.vocstream.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocstream.app.Demo;
import io.vocstream.config.AppConfig;
import io.vocstream.events.Channel;
import io.vocstream.events.ContactEvent;
import io.vocstream.events.ContactEventType;
import io.vocstream.events.SurveyResponse;
import io.vocstream.events.Touchpoint;
import io.vocstream.producers.sim.Pace;
import io.vocstream.producers.sim.SimulationRunner;
import io.vocstream.producers.sim.SimulationSettings;
import io.vocstream.producers.sink.KafkaEventSink;
import io.vocstream.schemas.EventTopic;
import io.vocstream.schemas.registry.RegistryClientConfig;
import io.vocstream.schemas.registry.RestSchemaRegistryClient;
import io.vocstream.schemas.serde.AvroSerializer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How long an event takes to show over HTTP while the application keeps up with a steady load: the embedded
 * application (as {@code demo} runs it, without its own simulator) is fed the simulator's mixed workload at a fixed
 * rate, and probe events are written among it, each the only event of a slice of its own, so that its effect can be
 * read without doubt: a survey response in region {@code probe-N} (seen when
 * {@code /api/v1/satisfaction/slice?dimension=region&value=probe-N} counts it) and an offered contact in queue
 * {@code probe-N} (seen when {@code /api/v1/queues/probe-N} counts it offered). A probe is timed from just before
 * its send to the first answer that shows it, asked again {@link #POLL_PAUSE} after each answer: as often as a fast
 * dashboard, so the timing is that fine, while the probes' own queries leave the cores to the application they
 * measure (polling back to back, eight pollers took more of them than the stream threads did). Probes are measured
 * after a warm-up of the same probes, unmeasured, once the application keeps up with the load: in a fresh JVM the
 * JIT compilers took about a core for the first minute and a half, and about three minutes after the start every run
 * had one episode of ten seconds of slow probes (not seen again in the three minutes measured after it).
 *
 * <p>The load's event times start hours back and advance as fast as the rate takes them (at the wall clock's pace
 * they could not make a steady rate). At the demo's volume 5,000 events/s would run through simulated time about 300
 * times as fast as the clock, through a day and a half in a run: the load is the simulator's at ten times the demo's
 * volume (customers, agents and crews alike), about 30 times as fast as the clock, so that a run stays within the
 * hours before now that minute buckets are kept for, as live events would. A probe carries the load's
 * latest event time, and its query asks for the window at that time ({@code at}): as in production, where every
 * event is stamped about now, the probes and the load interleave by event time. Stamped with the wall clock instead,
 * a probe would be days ahead of the load: a task takes the record with the lowest timestamp among its partitions
 * first, so the probe would wait behind the load's older records of the other topics, and its partition's later load
 * events would be refused as too late.
 */
public final class FreshnessBenchmark {
    /** The group's first rebalances, before the application is asked to keep up. */
    private static final Duration SETTLE = Duration.ofSeconds(15);
    private static final Duration PROBE_EVERY = Duration.ofMillis(250);
    /** How far before now the load's event times start. */
    private static final Duration HEAD_START = Duration.ofHours(6);
    /** The load's volume scale: simulated time passes a tenth as fast as at the demo's volume. */
    private static final double LOAD_SCALE = 10;
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CATCH_UP = Duration.ofMinutes(3);
    private static final Duration CAUGHT_UP = Duration.ofSeconds(3);
    private static final Duration POLL_PAUSE = Duration.ofMillis(50);

    private FreshnessBenchmark() {
    }

    /**
     * Runs the load at {@code rate} events/s; once the application has caught up with it, probes for {@code warmUp}
     * unmeasured and then for {@code measured}.
     */
    public static void run(Path dataDir, double rate, Duration warmUp, Duration measured, long seed,
                           Map<String, String> settings, PrintStream out) throws Exception {
        Demo demo = Demo.start(new Demo.Options(dataDir, 0, 0, 0, false, null, 1.0, settings));
        String prefix = settings.getOrDefault(AppConfig.TOPIC_PREFIX, "");
        LocalApi api = new LocalApi(demo.httpPort());
        ExecutorService pollers = Executors.newFixedThreadPool(8);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, demo.bootstrapServers()));
             RestSchemaRegistryClient registry = new RestSchemaRegistryClient(RegistryClientConfig.fromProperties(
                Map.of("schema.registry.url", demo.registryUrl())));
             KafkaProducer<String, SpecificRecord> probes = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, demo.bootstrapServers(),
                     ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                     new StringSerializer(), new AvroSerializer<>(registry));
             SimulationRunner load = SimulationRunner.startInBackground(SimulationSettings.builder()
                     .seed(seed)
                     .pace(Pace.RATE)
                     .eventsPerSecond(rate)
                     .volumeScale(LOAD_SCALE)
                     .start(Instant.now().minus(HEAD_START).truncatedTo(ChronoUnit.HOURS))
                     .build(), new KafkaEventSink(Map.of("bootstrap.servers", demo.bootstrapServers()), registry,
                     prefix))) {
            api.awaitReady(PROBE_TIMEOUT);
            LocalApi.await("the ingest counts", PROBE_TIMEOUT, () -> api.json("/api/v1/ingest/topics").isArray());
            Thread.sleep(SETTLE.toMillis());
            InputOffsets inputs = new InputOffsets(admin, prefix);
            awaitCaughtUp(inputs, demo.applicationId());
            Prober prober = new Prober(load, probes, prefix, api, pollers);
            // the same probes, not measured, while the JIT compiles the broker's, the application's and the
            // queries' hot paths: it took about a core for the first minute and a half of a run
            prober.probeFor(warmUp, System.nanoTime(), new ConcurrentLinkedQueue<>());
            ConcurrentLinkedQueue<Probe> measuredProbes = new ConcurrentLinkedQueue<>();
            long loadStart = load.eventsPublished();
            long started = System.nanoTime();
            out.println("measuring probes from " + Instant.now()
                    + " (the sent_ms of freshness-probes.csv count from here)");
            prober.probeFor(measured, started, measuredProbes);
            long behindAtEnd = inputs.behind(demo.applicationId());
            prober.awaitShown();
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("load: %,.0f events/s offered by the simulator (target %,.0f) over %.0f s%n",
                    (load.eventsPublished() - loadStart) / seconds, rate, seconds);
            out.printf("input records not yet committed by the application when the last probe was sent: %,d%n",
                    behindAtEnd);
            out.println(Latencies.summary("survey response to satisfaction slice",
                    latencies(measuredProbes, p -> p.survey())));
            out.println(Latencies.summary("offered contact to queue row", latencies(measuredProbes, p -> !p.survey())));
            out.println(Latencies.summary("all probes", latencies(measuredProbes, p -> true)));
            Path series = dataDir.resolve("freshness-probes.csv");
            Files.write(series, Stream.concat(Stream.of("probe,kind,sent_ms,latency_ms"), measuredProbes.stream()
                    .sorted(Comparator.comparingLong(Probe::sentMillis))
                    .map(p -> p.name() + "," + (p.survey() ? "survey" : "contact") + "," + p.sentMillis() + ","
                            + p.latencyMillis())).toList());
            out.println("each probe, in the order sent: " + series);
        } finally {
            pollers.shutdownNow();
            pollers.awaitTermination(10, TimeUnit.SECONDS);
            demo.close();
        }
    }

    /** Writes probes among the load and polls each until it shows; numbers them across warm-up and measurement. */
    private static final class Prober {
        private final SimulationRunner load;
        private final KafkaProducer<String, SpecificRecord> probes;
        private final String prefix;
        private final LocalApi api;
        private final ExecutorService pollers;
        private final List<Future<?>> pending = new ArrayList<>();
        private int written;

        Prober(SimulationRunner load, KafkaProducer<String, SpecificRecord> probes, String prefix, LocalApi api,
               ExecutorService pollers) {
            this.load = load;
            this.probes = probes;
            this.prefix = prefix;
            this.api = api;
            this.pollers = pollers;
        }

        /**
         * Writes a probe every {@link #PROBE_EVERY} for {@code length} from {@code started}, each polled until it
         * shows, and adds its timing to {@code timed}.
         */
        void probeFor(Duration length, long started, Collection<Probe> timed) throws InterruptedException {
            while (System.nanoTime() - started < length.toNanos()) {
                int n = ++written;
                String name = "probe-" + n;
                boolean survey = n % 2 == 1;
                Instant eventTime = load.progress().latestEventTime();
                SpecificRecord event = survey ? survey(name, eventTime) : contact(name, eventTime);
                String window = "window=15m&at=" + eventTime.plusSeconds(1);
                String path = survey ? "/api/v1/satisfaction/slice?dimension=region&value=" + name + "&" + window
                        : "/api/v1/queues/" + name + "?" + window;
                long sent = System.nanoTime();
                EventTopic topic = EventTopic.of(event);
                probes.send(new ProducerRecord<>(topic.topicName(prefix), topic.keyOf(event), event));
                pending.add(pollers.submit(() -> {
                    LocalApi.await(name + " over HTTP", PROBE_TIMEOUT, POLL_PAUSE,
                            () -> counted(api.json(path), survey));
                    timed.add(new Probe(name, survey, (sent - started) / 1_000_000,
                            (System.nanoTime() - sent) / 1_000_000));
                    return null;
                }));
                Thread.sleep(PROBE_EVERY.toMillis());
            }
        }

        /** Waits until every probe written has shown (or failed to within its timeout). */
        void awaitShown() throws Exception {
            for (Future<?> f : pending) {
                f.get();
            }
        }
    }

    /**
     * Waits until the application commits, within {@link #CAUGHT_UP} of their write, the input records written
     * before (its commits are a second apart): the first seconds of a start include the group's first rebalances,
     * and probes measure the steady state that follows.
     */
    private static void awaitCaughtUp(InputOffsets inputs, String applicationId) throws Exception {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        long round;
        do {
            long started = System.nanoTime();
            Map<TopicPartition, Long> end = inputs.end();
            try {
                LocalApi.await("catching up", Duration.ofNanos(deadline - started), Duration.ofMillis(100),
                        () -> inputs.behind(applicationId, end) == 0);
            } catch (IllegalStateException e) {
                throw new IllegalStateException("the application does not keep up with the load: "
                        + inputs.behind(applicationId) + " input records behind after " + CATCH_UP);
            }
            round = System.nanoTime() - started;
        } while (round > CAUGHT_UP.toNanos());
    }

    /** One probe: sent {@code sentMillis} after the measurement started, shown {@code latencyMillis} later. */
    private record Probe(String name, boolean survey, long sentMillis, long latencyMillis) {
    }

    private static List<Long> latencies(Collection<Probe> probes, Predicate<Probe> which) {
        return probes.stream().filter(which).map(Probe::latencyMillis).toList();
    }

    private static boolean counted(JsonNode answer, boolean survey) {
        JsonNode row = answer.isArray() ? answer.path(0) : answer;
        return survey ? row.path("n").asLong() == 1 : row.path("offered").asLong() == 1;
    }

    private static SurveyResponse survey(String region, Instant eventTime) {
        return SurveyResponse.newBuilder().setEventId(UUID.randomUUID().toString()).setEventTime(eventTime)
                .setResponseId(region).setTouchpoint(Touchpoint.AGENT).setChannel(Channel.VOICE).setCsat(4)
                .setRegion(region).build();
    }

    private static ContactEvent contact(String queue, Instant eventTime) {
        return ContactEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setEventTime(eventTime)
                .setContactId(queue).setType(ContactEventType.OFFERED).setQueue(queue).setChannel(Channel.VOICE)
                .build();
    }
}
