package io.vocstream.bench;

import io.vocstream.app.Demo;
import io.vocstream.config.AppConfig;
import io.vocstream.events.AgentEvent;
import io.vocstream.events.AgentState;
import io.vocstream.events.Channel;
import io.vocstream.events.ComplaintEvent;
import io.vocstream.events.ComplaintEventType;
import io.vocstream.events.ContactEvent;
import io.vocstream.events.ContactEventType;
import io.vocstream.events.RepairEvent;
import io.vocstream.events.RepairEventType;
import io.vocstream.events.SurveyResponse;
import io.vocstream.events.Touchpoint;
import io.vocstream.schemas.EventTopic;
import io.vocstream.schemas.registry.RegistryClientConfig;
import io.vocstream.schemas.registry.RestSchemaRegistryClient;
import io.vocstream.schemas.serde.AvroSerializer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Latency of the main endpoints under a steady request rate with a realistic state: the embedded application (as
 * {@code demo} runs it, without its simulator) is given {@value #QUEUES} queues, {@value #AGENTS} agents,
 * {@value #REGIONS} regions × {@value #CATEGORIES} complaint categories, survey responses and repair orders over the
 * last {@value #SPAN_MINUTES} minutes, and once every event is counted, {@link QueryLoad} — a process of its own —
 * sends the requests.
 */
public final class QueryBenchmark {
    static final int QUEUES = 200;
    static final int AGENTS = 2_000;
    static final int REGIONS = 50;
    static final int CATEGORIES = 30;
    static final int SPAN_MINUTES = 50;
    private static final int CONTACTS = 30_000;
    private static final int SURVEYS = 20_000;
    private static final int COMPLAINTS = 6_000;
    private static final int WORK_ORDERS = 3_000;
    private static final Duration AWAIT = Duration.ofMinutes(20);
    private static final int SEQUENTIAL_REQUESTS = 20;
    private static final Duration LOAD_WARM_UP = Duration.ofSeconds(30);
    private static final List<String> PATHS = List.of(
            "/api/v1/queues?window=15m",
            "/api/v1/queues/q-17?window=1h",
            "/api/v1/agents?window=1h",
            "/api/v1/satisfaction/slices?dimension=region&window=24h",
            "/api/v1/satisfaction/slice?dimension=region&value=r-7&window=1h",
            "/api/v1/complaints?dimension=category&window=24h",
            "/api/v1/complaints?dimension=region&window=today",
            "/api/v1/alerts",
            "/api/v1/repairs?dimension=region&window=24h");

    private QueryBenchmark() {
    }

    public static void run(Path dataDir, double rate, Duration duration, long seed, Map<String, String> settings,
                           PrintStream out) throws Exception {
        Demo demo = Demo.start(new Demo.Options(dataDir, 0, 0, 0, false, null, 1.0, settings));
        try (RestSchemaRegistryClient registry = new RestSchemaRegistryClient(RegistryClientConfig.fromProperties(
                Map.of("schema.registry.url", demo.registryUrl())));
             KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, demo.bootstrapServers(),
                     ProducerConfig.LINGER_MS_CONFIG, 20), new StringSerializer(), new AvroSerializer<>(registry))) {
            LocalApi api = new LocalApi(demo.httpPort());
            api.awaitReady(AWAIT);
            List<SpecificRecord> events = state(new Random(seed), Instant.now().truncatedTo(ChronoUnit.SECONDS));
            String prefix = settings.getOrDefault(AppConfig.TOPIC_PREFIX, "");
            long started = System.nanoTime();
            for (SpecificRecord event : events) {
                EventTopic topic = EventTopic.of(event);
                producer.send(new ProducerRecord<>(topic.topicName(prefix), topic.keyOf(event), event));
            }
            producer.flush();
            LocalApi.await("all " + events.size() + " events counted", AWAIT,
                    () -> counted(api) >= events.size());
            out.printf("state: %,d events (%d queues, %d agents, %d regions x %d categories) processed in %.1f s%n",
                    events.size(), QUEUES, AGENTS, REGIONS, CATEGORIES, (System.nanoTime() - started) / 1e9);
            // each path alone, one request at a time: its service time, which bounds the rate the load can reach
            for (String path : PATHS) {
                List<Long> alone = new ArrayList<>();
                for (int i = 0; i < SEQUENTIAL_REQUESTS; i++) {
                    long sent = System.nanoTime();
                    if (api.get(path).statusCode() != 200) {
                        throw new IllegalStateException(path + " does not answer 200");
                    }
                    alone.add((System.nanoTime() - sent) / 1_000_000);
                }
                out.println(Latencies.summary("one at a time " + path, alone));
            }
            List<String> command = new ArrayList<>(List.of(
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), QueryLoad.class.getName(),
                    "http://localhost:" + demo.httpPort(), String.valueOf(rate),
                    String.valueOf(duration.toSeconds()), String.valueOf(LOAD_WARM_UP.toSeconds())));
            command.addAll(PATHS);
            Process load = new ProcessBuilder(command).redirectErrorStream(true).start();
            String report = new String(load.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            out.print(report);
            if (load.waitFor() != 0) {
                throw new IllegalStateException("the load generator reported failed requests");
            }
        } finally {
            demo.close();
        }
    }

    private static long counted(LocalApi api) throws Exception {
        long n = 0;
        for (var row : api.json("/api/v1/ingest/topics")) {
            n += row.path("events").asLong();
        }
        return n;
    }

    /** The state's events, in event-time order (so that none is late for its partition). */
    static List<SpecificRecord> state(Random random, Instant now) {
        Instant from = now.minus(Duration.ofMinutes(SPAN_MINUTES));
        List<SpecificRecord> events = new ArrayList<>();
        for (int a = 0; a < AGENTS; a++) {
            events.add(AgentEvent.newBuilder().setEventId("ag-" + a).setEventTime(from).setAgentId("a-" + a)
                    .setState(AgentState.AVAILABLE).setQueues(List.of("q-" + a % QUEUES)).build());
        }
        for (int c = 0; c < CONTACTS; c++) {
            Instant offered = at(random, from);
            String queue = "q-" + c % QUEUES;
            String agent = "a-" + c % AGENTS;
            ContactEvent.Builder contact = ContactEvent.newBuilder().setContactId("c-" + c).setQueue(queue)
                    .setChannel(Channel.VOICE).setRegion("r-" + c % REGIONS).setSegment(c % 3 == 0 ? "business"
                            : "residential").setCustomerId("cust-" + random.nextInt(20_000));
            events.add(contact.setEventId("c-" + c + "-o").setEventTime(offered).setType(ContactEventType.OFFERED)
                    .build());
            Instant answered = offered.plusSeconds(random.nextInt(120));
            events.add(contact.setEventId("c-" + c + "-a").setEventTime(answered).setType(ContactEventType.ANSWERED)
                    .setAgentId(agent).build());
            events.add(contact.setEventId("c-" + c + "-c").setEventTime(answered.plusSeconds(60 + random.nextInt(400)))
                    .setType(ContactEventType.COMPLETED).setTalkSeconds(200.0).setWrapUpSeconds(30.0).build());
        }
        for (int s = 0; s < SURVEYS; s++) {
            events.add(SurveyResponse.newBuilder().setEventId("s-" + s).setEventTime(at(random, from))
                    .setResponseId("s-" + s).setTouchpoint(Touchpoint.AGENT).setChannel(Channel.VOICE)
                    .setCsat(1 + random.nextInt(5)).setNps(random.nextInt(11)).setRegion("r-" + s % REGIONS)
                    .setQueue("q-" + s % QUEUES).setAgentId("a-" + s % AGENTS).setContactId("c-" + s).build());
        }
        for (int k = 0; k < COMPLAINTS; k++) {
            events.add(ComplaintEvent.newBuilder().setEventId("k-" + k).setEventTime(at(random, from))
                    .setComplaintId("k-" + k).setType(ComplaintEventType.OPENED)
                    .setCategory("cat-" + k % CATEGORIES).setRegion("r-" + k / CATEGORIES % REGIONS)
                    .setChannel(Channel.WEB).setCustomerId("cust-" + random.nextInt(20_000)).build());
        }
        for (int w = 0; w < WORK_ORDERS; w++) {
            Instant created = at(random, from);
            RepairEvent.Builder order = RepairEvent.newBuilder().setWorkOrderId("w-" + w).setCategory("meter")
                    .setRegion("r-" + w % REGIONS).setPromisedWindowStart(created.plusSeconds(600))
                    .setPromisedWindowEnd(created.plusSeconds(1800));
            events.add(order.setEventId("w-" + w + "-c").setEventTime(created).setType(RepairEventType.CREATED)
                    .build());
            events.add(order.setEventId("w-" + w + "-a").setEventTime(created.plusSeconds(900 + random.nextInt(900)))
                    .setType(RepairEventType.ARRIVED).setTechnicianId("t-" + w % 100).build());
        }
        events.sort(Comparator.comparing(QueryBenchmark::eventTime));
        return events;
    }

    private static Instant at(Random random, Instant from) {
        return from.plusSeconds(random.nextInt(SPAN_MINUTES * 60 - 1800));
    }

    private static Instant eventTime(SpecificRecord event) {
        return (Instant) event.get(event.getSchema().getField("eventTime").pos());
    }
}
