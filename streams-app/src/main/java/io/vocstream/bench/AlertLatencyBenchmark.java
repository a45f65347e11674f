package io.vocstream.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocstream.alerts.Signal;
import io.vocstream.app.Demo;
import io.vocstream.complaints.ComplaintArrivals;
import io.vocstream.complaints.ComplaintSettings;
import io.vocstream.complaints.SpikeDetector;
import io.vocstream.complaints.SpikeSettings;
import io.vocstream.config.AppConfig;
import io.vocstream.config.Settings;
import io.vocstream.events.Channel;
import io.vocstream.events.ComplaintEvent;
import io.vocstream.events.ComplaintEventType;
import io.vocstream.schemas.EventTopic;
import io.vocstream.schemas.Topics;
import io.vocstream.schemas.registry.RegistryClientConfig;
import io.vocstream.schemas.registry.RestSchemaRegistryClient;
import io.vocstream.schemas.serde.AvroSerializer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How long the complaint that tips a dimension over its spike threshold takes to become an OPEN alert: from the
 * moment it is sent to the moment the alert is read, committed, from the {@code alerts} topic, and to the moment
 * {@code GET /api/v1/alerts} lists it. The application runs embedded, as {@code demo} runs it, without the simulator.
 *
 * <p>Each trial has a dimension of its own, category {@code billing} in region {@code bench-1}, {@code bench-2} ...
 * All of them first get a quiet history, two complaints an hour over the three complete hours before the current
 * one, which the fallback baseline reads. A trial then writes, a tenth of a second apart in event time, the burst
 * complaints that are not yet a spike, waits until they are processed and no alert is open, sends the tipping
 * complaint and times it. Which complaint of the burst tips is worked out beforehand with the application's own
 * detector and settings on the same arrival times, so that exactly one complaint is timed per trial.
 */
public final class AlertLatencyBenchmark implements AutoCloseable {
    private static final String CATEGORY = "billing";
    private static final int HISTORY_HOURS = 3;
    private static final int HISTORY_PER_HOUR = 2;
    private static final Duration BURST_SPACING = Duration.ofMillis(100);
    private static final Duration AWAIT = Duration.ofSeconds(60);
    /** Margin for the spike detector's sub-topology after the KPIs show the burst (both read the same input). */
    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One timed complaint; durations from the moment it was sent. */
    public record Trial(String dimension, int burst, Duration acknowledged, Duration onTopic, Duration overHttp) {
    }

    private final Demo demo;
    private final String topicPrefix;
    private final SpikeDetector detector;
    private final RestSchemaRegistryClient registry;
    private final KafkaProducer<String, SpecificRecord> producer;
    private final AlertWatcher watcher;
    private final LocalApi api;
    private final Instant historyStart;
    private final Map<String, List<Instant>> histories = new HashMap<>();

    private AlertLatencyBenchmark(Demo demo, String topicPrefix, SpikeDetector detector) {
        this.demo = demo;
        this.topicPrefix = topicPrefix;
        this.detector = detector;
        this.api = new LocalApi(demo.httpPort());
        this.registry = new RestSchemaRegistryClient(RegistryClientConfig.fromProperties(
                Map.of("schema.registry.url", demo.registryUrl())));
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, demo.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new AvroSerializer<>(registry));
        this.watcher = new AlertWatcher(demo.bootstrapServers(), topicPrefix + Topics.ALERTS);
        this.historyStart = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(HISTORY_HOURS));
    }

    /**
     * Starts the embedded application under {@code dataDir} with {@code settings}, runs {@code trials} trials and
     * prints each and the summary to {@code out}.
     */
    public static List<Trial> run(Path dataDir, int trials, Map<String, String> settings, PrintStream out)
            throws Exception {
        SpikeSettings spike = ComplaintSettings.from(Settings.of(settings, "benchmark")).spike();
        Demo demo = Demo.start(new Demo.Options(dataDir, 0, 0, 0, false, null, 1.0, settings));
        try (AlertLatencyBenchmark benchmark = new AlertLatencyBenchmark(demo,
                settings.getOrDefault(AppConfig.TOPIC_PREFIX, ""), new SpikeDetector(spike))) {
            benchmark.api.awaitReady(AWAIT);
            List<String> dimensions = new ArrayList<>();
            for (int i = 1; i <= trials; i++) {
                dimensions.add("bench-" + i);
            }
            benchmark.writeHistory(dimensions);
            out.printf("history written: %d complaints in each of %d dimensions since %s%n",
                    HISTORY_HOURS * HISTORY_PER_HOUR, trials, benchmark.historyStart);
            List<Trial> results = new ArrayList<>();
            for (String region : dimensions) {
                Trial trial = benchmark.trial(region);
                results.add(trial);
                out.printf("%s: complaint %d of the burst tips it; acknowledged %d ms, OPEN alert on the topic %d ms,"
                                + " over HTTP %d ms%n", trial.dimension(), trial.burst(),
                        trial.acknowledged().toMillis(), trial.onTopic().toMillis(), trial.overHttp().toMillis());
            }
            out.println(summary("alerts topic", results, t -> t.onTopic().toMillis()));
            out.println(summary("HTTP", results, t -> t.overHttp().toMillis()));
            return results;
        } finally {
            demo.close();
        }
    }

    static String summary(String what, List<Trial> trials, ToLongFunction<Trial> measure) {
        return Latencies.summary(what, trials.stream().map(measure::applyAsLong).toList()) + " trials";
    }

    /** Two complaints an hour in each region over the complete hours before this one, in event-time order. */
    private void writeHistory(List<String> regions) throws Exception {
        long spacing = Duration.ofHours(1).toMillis() / HISTORY_PER_HOUR;
        for (int k = 0; k < HISTORY_HOURS * HISTORY_PER_HOUR; k++) {
            Instant at = historyStart.plusMillis(k * spacing);
            for (String region : regions) {
                histories.computeIfAbsent(region, r -> new ArrayList<>()).add(at);
                producer.send(record(complaint(region, at)));
            }
        }
        producer.flush();
        for (String region : regions) {
            awaitOpened(region, HISTORY_HOURS * HISTORY_PER_HOUR);
        }
    }

    private Trial trial(String region) throws Exception {
        String dimension = "category=" + CATEGORY + ",region=" + region;
        Instant burstStart = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Instant> burst = tippingBurst(histories.get(region), burstStart);
        for (Instant at : burst.subList(0, burst.size() - 1)) {
            producer.send(record(complaint(region, at))).get();
        }
        awaitOpened(region, histories.get(region).size() + burst.size() - 1);
        Thread.sleep(SETTLE.toMillis());
        if (openAlert(dimension)) {
            throw new IllegalStateException(dimension + " alerted before its tipping complaint");
        }

        ProducerRecord<String, SpecificRecord> tipping = record(complaint(region, burst.get(burst.size() - 1)));
        long sent = System.nanoTime();
        producer.send(tipping).get();
        long acknowledged = System.nanoTime();
        LocalApi.await("the OPEN alert of " + dimension + " over HTTP", AWAIT, () -> openAlert(dimension));
        long overHttp = System.nanoTime();
        String key = dimension + "|" + SpikeSettings.POISSON_RULE;
        LocalApi.await("the OPEN alert of " + dimension + " on the alerts topic", AWAIT,
                () -> watcher.firstOpen(key) != null);
        return new Trial(dimension, burst.size(), Duration.ofNanos(acknowledged - sent),
                Duration.ofNanos(watcher.firstOpen(key) - sent), Duration.ofNanos(overHttp - sent));
    }

    /**
     * The burst from {@code start}, one complaint every {@link #BURST_SPACING}, up to and including the first one at
     * which the detector fires on top of {@code history}.
     */
    private List<Instant> tippingBurst(List<Instant> history, Instant start) {
        ComplaintArrivals arrivals = new ComplaintArrivals();
        history.forEach(t -> arrivals.add(t.toEpochMilli()));
        List<Instant> burst = new ArrayList<>();
        for (int n = 0; n < 1000; n++) {
            Instant at = start.plus(BURST_SPACING.multipliedBy(n));
            arrivals.add(at.toEpochMilli());
            burst.add(at);
            Signal.Level level = detector.poisson(arrivals, historyStart.toEpochMilli(), at.toEpochMilli()).level();
            if (level == Signal.Level.WARNING || level == Signal.Level.CRITICAL) {
                return burst;
            }
        }
        throw new IllegalStateException("no burst of up to 1000 complaints fires the spike rule");
    }

    private static ComplaintEvent complaint(String region, Instant at) {
        return ComplaintEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setEventTime(at)
                .setComplaintId("bench-" + UUID.randomUUID()).setType(ComplaintEventType.OPENED).setCategory(CATEGORY)
                .setChannel(Channel.WEB).setRegion(region).build();
    }

    private ProducerRecord<String, SpecificRecord> record(ComplaintEvent event) {
        return new ProducerRecord<>(EventTopic.COMPLAINT.topicName(topicPrefix), EventTopic.COMPLAINT.keyOf(event),
                event);
    }

    /** Waits until the complaint KPIs of the last 24 h count {@code opened} complaints in {@code region}. */
    private void awaitOpened(String region, int opened) throws Exception {
        LocalApi.await(opened + " complaints in " + region, AWAIT, () -> {
            for (JsonNode row : JSON.readTree(api.get("/api/v1/complaints?dimension=region&window=24h").body())) {
                if (row.path("value").asText().equals(region)) {
                    return row.path("opened").asLong() == opened;
                }
            }
            return false;
        });
    }

    private boolean openAlert(String dimension) throws Exception {
        HttpResponse<String> r = api.get("/api/v1/alerts");
        if (r.statusCode() != 200) {
            return false;
        }
        for (JsonNode alert : JSON.readTree(r.body())) {
            if (alert.path("dimension").asText().equals(dimension)
                    && alert.path("rule").asText().equals(SpikeSettings.POISSON_RULE)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        watcher.close();
        producer.close();
        registry.close();
    }

    /** Reads the committed records of the alerts topic from its end, noting when each key is first seen OPEN. */
    private static final class AlertWatcher implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final Map<String, Long> firstOpen = new ConcurrentHashMap<>();
        private final Thread thread;

        AlertWatcher(String bootstrapServers, String topic) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                    new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // fix the start before any trial
            thread = new Thread(this::poll, "alert-watcher");
            thread.setDaemon(true);
            thread.start();
        }

        private void poll() {
            try {
                while (true) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                        long seen = System.nanoTime();
                        if (JSON.readTree(r.value()).path("status").asText().equals("OPEN")) {
                            firstOpen.putIfAbsent(r.key(), seen);
                        }
                    }
                }
            } catch (WakeupException e) {
                // closing
            } catch (IOException e) {
                throw new IllegalStateException("an alert that is not JSON on the alerts topic", e);
            } finally {
                consumer.close();
            }
        }

        Long firstOpen(String key) {
            return firstOpen.get(key);
        }

        @Override
        public void close() {
            consumer.wakeup();
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
