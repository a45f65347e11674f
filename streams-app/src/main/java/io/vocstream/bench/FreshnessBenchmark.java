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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How long an event takes to show over HTTP while the application keeps up with a steady load: the embedded
 * application (as {@code demo} runs it, without its own simulator) is fed the simulator's mixed workload at a fixed
 * rate, and probe events are written among it, each the only event of a slice of its own, so that its effect can be
 * read without doubt: a survey response in region {@code probe-N} (seen when
 * {@code /api/v1/satisfaction/slice?dimension=region&value=probe-N} counts it) and an offered contact in queue
 * {@code probe-N} (seen when {@code /api/v1/queues/probe-N} counts it offered). A probe is timed from just before
 * its send to the first answer that shows it, polled as fast as answers come.
 *
 * <p>The load's event times start two days back and advance as fast as the rate takes them, so they stay behind the
 * probes' (the wall clock) and never make a probe late.
 */
public final class FreshnessBenchmark {
    private static final Duration WARM_UP = Duration.ofSeconds(15);
    private static final Duration PROBE_EVERY = Duration.ofMillis(250);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);

    private FreshnessBenchmark() {
    }

    /** Runs the load at {@code rate} events/s for the warm-up plus {@code measured}, probing during the latter. */
    public static void run(Path dataDir, double rate, Duration measured, long seed, Map<String, String> settings,
                           PrintStream out) throws Exception {
        Demo demo = Demo.start(new Demo.Options(dataDir, 0, 0, 0, false, null, 1.0, settings));
        String prefix = settings.getOrDefault(AppConfig.TOPIC_PREFIX, "");
        LocalApi api = new LocalApi(demo.httpPort());
        ExecutorService pollers = Executors.newFixedThreadPool(8);
        try (RestSchemaRegistryClient registry = new RestSchemaRegistryClient(RegistryClientConfig.fromProperties(
                Map.of("schema.registry.url", demo.registryUrl())));
             KafkaProducer<String, SpecificRecord> probes = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, demo.bootstrapServers(),
                     ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                     new StringSerializer(), new AvroSerializer<>(registry));
             SimulationRunner load = SimulationRunner.startInBackground(SimulationSettings.builder()
                     .seed(seed)
                     .pace(Pace.RATE)
                     .eventsPerSecond(rate)
                     .start(Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS))
                     .build(), new KafkaEventSink(Map.of("bootstrap.servers", demo.bootstrapServers()), registry,
                     prefix))) {
            api.awaitReady(PROBE_TIMEOUT);
            LocalApi.await("the ingest counts", PROBE_TIMEOUT, () -> api.json("/api/v1/ingest/topics").isArray());
            Thread.sleep(WARM_UP.toMillis());
            long loadStart = load.eventsPublished();
            long started = System.nanoTime();
            ConcurrentLinkedQueue<Long> surveys = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Long> contacts = new ConcurrentLinkedQueue<>();
            List<Future<?>> pending = new ArrayList<>();
            AtomicInteger probe = new AtomicInteger();
            while (System.nanoTime() - started < measured.toNanos()) {
                int n = probe.incrementAndGet();
                String name = "probe-" + n;
                boolean survey = n % 2 == 1;
                SpecificRecord event = survey ? survey(name) : contact(name);
                String path = survey ? "/api/v1/satisfaction/slice?dimension=region&window=15m&value=" + name
                        : "/api/v1/queues/" + name + "?window=15m";
                long sent = System.nanoTime();
                EventTopic topic = EventTopic.of(event);
                probes.send(new ProducerRecord<>(topic.topicName(prefix), topic.keyOf(event), event));
                pending.add(pollers.submit(() -> {
                    LocalApi.await(name + " over HTTP", PROBE_TIMEOUT, () -> counted(api.json(path), survey));
                    (survey ? surveys : contacts).add((System.nanoTime() - sent) / 1_000_000);
                    return null;
                }));
                Thread.sleep(PROBE_EVERY.toMillis());
            }
            for (Future<?> f : pending) {
                f.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("load: %,.0f events/s offered by the simulator (target %,.0f) over %.0f s%n",
                    (load.eventsPublished() - loadStart) / seconds, rate, seconds);
            out.println(Latencies.summary("survey response to satisfaction slice", surveys));
            out.println(Latencies.summary("offered contact to queue row", contacts));
            List<Long> all = new ArrayList<>(surveys);
            all.addAll(contacts);
            out.println(Latencies.summary("all probes", all));
        } finally {
            pollers.shutdownNow();
            pollers.awaitTermination(10, TimeUnit.SECONDS);
            demo.close();
        }
    }

    private static boolean counted(JsonNode answer, boolean survey) {
        JsonNode row = answer.isArray() ? answer.path(0) : answer;
        return survey ? row.path("n").asLong() == 1 : row.path("offered").asLong() == 1;
    }

    private static SurveyResponse survey(String region) {
        return SurveyResponse.newBuilder().setEventId(UUID.randomUUID().toString()).setEventTime(Instant.now())
                .setResponseId(region).setTouchpoint(Touchpoint.AGENT).setChannel(Channel.VOICE).setCsat(4)
                .setRegion(region).build();
    }

    private static ContactEvent contact(String queue) {
        return ContactEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setEventTime(Instant.now())
                .setContactId(queue).setType(ContactEventType.OFFERED).setQueue(queue).setChannel(Channel.VOICE)
                .build();
    }
}
