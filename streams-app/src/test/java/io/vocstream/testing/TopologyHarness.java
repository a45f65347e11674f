package io.vocstream.testing;

import io.vocstream.buckets.BucketFamily;
import io.vocstream.buckets.BucketStores;
import io.vocstream.config.AppConfig;
import io.vocstream.config.Settings;
import io.vocstream.schemas.EventTopic;
import io.vocstream.schemas.Topics;
import io.vocstream.schemas.registry.InMemorySchemaRegistryClient;
import io.vocstream.streams.DeadLetterDeserializationHandler;
import io.vocstream.streams.DeadLetterProcessingHandler;
import io.vocstream.streams.DeadLetters;
import io.vocstream.streams.EventRules;
import io.vocstream.streams.EventSerdes;
import io.vocstream.streams.InputStreams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * A capability's topology on the gated input streams, driven by {@link TopologyTestDriver} with the real serdes
 * (over an in-memory registry) and the real dead-letter handlers. The wall clock starts at {@link #WALL_CLOCK_START},
 * or where a test says, so that tests do not depend on the day they run.
 */
public final class TopologyHarness implements AutoCloseable {
    public static final Instant WALL_CLOCK_START = Instant.parse("2026-11-23T12:00:00Z");
    public static final String PREFIX = "t.";

    private final TopologyTestDriver driver;
    private final EventSerdes serdes;
    private final AppConfig config;

    private TopologyHarness(TopologyTestDriver driver, EventSerdes serdes, AppConfig config) {
        this.driver = driver;
        this.serdes = serdes;
        this.config = config;
    }

    /**
     * @param settings application settings on top of the test defaults (e.g. {@code events.grace=PT10M})
     * @param capability builds the topology under test from the builder, the input streams and the configuration
     */
    public static TopologyHarness start(Map<String, String> settings,
                                        CapabilityBuilder capability) {
        return start(settings, capability, WALL_CLOCK_START);
    }

    /**
     * As {@link #start(Map, CapabilityBuilder)}, the wall clock starting at {@code wallClockStart}: near the events of
     * the test, as bucket stores keep nothing older than their retention behind the clock.
     */
    public static TopologyHarness start(Map<String, String> settings, CapabilityBuilder capability,
                                        Instant wallClockStart) {
        Map<String, String> raw = new HashMap<>(Map.of(
                AppConfig.BOOTSTRAP_SERVERS, "unused:9092",
                AppConfig.SCHEMA_REGISTRY_URL, "http://unused:8081",
                AppConfig.TOPIC_PREFIX, PREFIX));
        raw.putAll(settings);
        AppConfig config = AppConfig.from(Settings.of(raw, "test"));
        EventSerdes serdes = new EventSerdes(new InMemorySchemaRegistryClient(), Map.of());
        StreamsBuilder builder = new StreamsBuilder();
        // the driver's clock stays at WALL_CLOCK_START while tests feed hours of events: a day ahead of it is allowed
        InputStreams inputs = InputStreams.build(builder, PREFIX, serdes,
                new EventRules(config.eventsMaxAge(), Duration.ofDays(1)),
                config.eventsGrace());
        capability.build(builder, inputs, config);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // a directory of its own: test JVMs running side by side must not share (and delete) each other's state
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory().toString());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName());
        return new TopologyHarness(new TopologyTestDriver(builder.build(), props, wallClockStart), serdes, config);
    }

    private static Path stateDirectory() {
        try {
            return Files.createTempDirectory("vocstream-topology-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a capability contributes to the topology. */
    @FunctionalInterface
    public interface CapabilityBuilder {
        void build(StreamsBuilder builder, InputStreams inputs, AppConfig config);
    }

    /** A capability that only needs the builder and the inputs. */
    public static CapabilityBuilder of(BiConsumer<StreamsBuilder, InputStreams> build) {
        return (builder, inputs, config) -> build.accept(builder, inputs);
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    /** A bucket store of the topology, read as the routes read it (the buckets as of the last commit). */
    @SuppressWarnings("unchecked")
    public <S> ReadOnlyWindowStore<String, S> bucketStore(String name) {
        return (ReadOnlyWindowStore<String, S>) driver.getAllStateStores().get(name);
    }

    /** A bucket family's stores by size, as queries read them. */
    public <S> BucketStores<S> bucketFamily(String family) {
        return size -> bucketStore(BucketFamily.storeName(family, size));
    }

    public AppConfig config() {
        return config;
    }

    /** Writes events to their input topics in order, each keyed by its entity id and stamped with its event time. */
    public void pipe(SpecificRecord... events) {
        for (SpecificRecord event : events) {
            EventTopic topic = EventTopic.of(event);
            Instant eventTime = (Instant) event.get(topic.schema().getField("eventTime").pos());
            input(topic).pipeInput(topic.keyOf(event), event, eventTime);
        }
    }

    /** Writes raw bytes to an input topic, as a foreign producer might. */
    public void pipeRaw(EventTopic topic, String key, byte[] value) {
        driver.createInputTopic(topic.topicName(PREFIX), new StringSerializer(), new ByteArraySerializer())
                .pipeInput(key, value);
    }

    /** The encoded form of {@code event}: what a producer writes to its topic. */
    public byte[] encode(SpecificRecord event) {
        return serdes.forTopic(EventTopic.of(event)).serializer().serialize(EventTopic.of(event).topicName(PREFIX), event);
    }

    public void advanceWallClock(Duration by) {
        driver.advanceWallClockTime(by);
    }

    /** Everything dead-lettered from {@code topic} so far. */
    public List<TestRecord<byte[], byte[]>> deadLetters(EventTopic topic) {
        return driver.createOutputTopic(Topics.dlqOf(topic.topicName(PREFIX)), new ByteArrayDeserializer(),
                new ByteArrayDeserializer()).readRecordsToList();
    }

    public static String reason(TestRecord<byte[], byte[]> deadLetter) {
        return header(deadLetter, DeadLetters.HEADER_REASON);
    }

    public static String stage(TestRecord<byte[], byte[]> deadLetter) {
        return header(deadLetter, DeadLetters.HEADER_STAGE);
    }

    public static String header(TestRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private TestInputTopic<String, SpecificRecord> input(EventTopic topic) {
        @SuppressWarnings("unchecked")
        Serializer<SpecificRecord> values = (Serializer<SpecificRecord>) (Serializer<?>) serdes.forTopic(topic)
                .serializer();
        return driver.createInputTopic(topic.topicName(PREFIX), new StringSerializer(), values);
    }


    @Override
    public void close() {
        driver.close();
    }
}
