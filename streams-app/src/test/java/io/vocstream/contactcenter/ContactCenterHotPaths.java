package io.vocstream.contactcenter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocstream.buckets.BucketStore;
import io.vocstream.events.Channel;
import io.vocstream.events.ContactEvent;
import io.vocstream.events.ContactEventType;
import io.vocstream.schemas.EventTopic;
import io.vocstream.schemas.registry.InMemorySchemaRegistryClient;
import io.vocstream.streams.EventSerdes;
import io.vocstream.streams.JsonSerde;
import io.vocstream.time.BucketSize;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH micro-benchmarks of what every contact event costs on the way through the application: decoding it, the
 * contact's lifecycle step, adding its deltas to the bucket slices, merging buckets, and encoding and decoding a bucket
 * value as state. Run as docs/BENCHMARKS.md says (section JMH).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ContactCenterHotPaths {
    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    private byte[] encodedContact;
    private Deserializer<SpecificRecord> avro;
    private List<ContactEvent> lifecycle;
    private QueueStats busyBucket;
    private QueueStats delta;
    private byte[] busyBucketSmile;
    private Serde<QueueStats> binary;
    private Serde<QueueStats> smile;
    private ObjectMapper json;
    private byte[] busyBucketJson;
    private BucketStore<QueueStats> buckets;
    private ContactState answeredContact;
    private Serde<ContactState> contactSerde;
    private Serde<ContactState> contactSmile;

    @Setup
    public void setUp() throws IOException {
        EventSerdes serdes = new EventSerdes(new InMemorySchemaRegistryClient(), Map.of());
        ContactEvent offered = contact(ContactEventType.OFFERED, T).build();
        String topic = EventTopic.CONTACT.topicName("");
        encodedContact = serdes.forTopic(EventTopic.CONTACT).serializer().serialize(topic, offered);
        avro = serdes.forTopic(EventTopic.CONTACT).deserializer();
        lifecycle = List.of(offered,
                contact(ContactEventType.ANSWERED, T.plusSeconds(42)).setAgentId("a-17").build(),
                contact(ContactEventType.COMPLETED, T.plusSeconds(400)).setAgentId("a-17").setTalkSeconds(300.0)
                        .setHoldSeconds(20.0).setWrapUpSeconds(38.0).build());
        // a busy quarter hour of one queue: 120 answered contacts with waits spread over 0-5 minutes
        QueueStats bucket = QueueStats.EMPTY;
        for (int i = 0; i < 120; i++) {
            bucket = bucket.merge(QueueStats.offeredOne()).merge(QueueStats.answeredOne((double) (i * 37 % 300)));
        }
        busyBucket = bucket;
        delta = QueueStats.answeredOne(17.0);
        binary = QueueStatsSerde.serde();
        smile = JsonSerde.of(QueueStats.class);
        busyBucketSmile = smile.serializer().serialize("", busyBucket);
        json = new ObjectMapper();
        busyBucketJson = json.writeValueAsBytes(busyBucket);
        buckets = BucketStore.builder("queue-buckets", BucketSize.MINUTE, Duration.ofDays(1), binary).build();
        answeredContact = contactLifecycleIntoBuckets();
        contactSerde = ContactStateSerde.serde();
        contactSmile = JsonSerde.of(ContactState.class);
    }

    private static ContactEvent.Builder contact(ContactEventType type, Instant at) {
        return ContactEvent.newBuilder().setEventId(type + "-" + at).setEventTime(at).setContactId("c-1")
                .setType(type).setQueue("billing").setChannel(Channel.VOICE).setRegion("north")
                .setSegment("residential").setCustomerId("cust-9");
    }

    @Benchmark
    public SpecificRecord decodeContactEventAvro() {
        return avro.deserialize("contact-events", encodedContact);
    }

    /** The three steps of an answered contact and every queue and agent bucket they add to (both sizes). */
    @Benchmark
    public ContactState contactLifecycleIntoBuckets() {
        ContactState state = null;
        for (ContactEvent event : lifecycle) {
            ContactLifecycle.Step step = ContactLifecycle.apply(state, event);
            for (ContactLifecycle.QueueDelta d : step.queueDeltas()) {
                for (String slice : d.dimensions().slices()) {
                    buckets.add(QueueSliceKeys.of(d.queue(), slice), d.atMillis(), d.stats(), T.toEpochMilli());
                }
            }
            state = step.next();
        }
        buckets.clearCache();
        return state;
    }

    /** A contact's state as the contact store reads and writes it, once per contact event. */
    @Benchmark
    public ContactState contactStateThroughStateSerde() {
        return contactSerde.deserializer().deserialize("", contactSerde.serializer().serialize("", answeredContact));
    }

    /** The same as Smile, as the contact store kept it before. */
    @Benchmark
    public ContactState contactStateThroughSmile() {
        return contactSmile.deserializer().deserialize("", contactSmile.serializer().serialize("", answeredContact));
    }

    @Benchmark
    public QueueStats mergeBusyBucket() {
        return busyBucket.merge(delta);
    }

    @Benchmark
    public QueueStats bucketThroughStateSerde() {
        return binary.deserializer().deserialize("", binary.serializer().serialize("", busyBucket));
    }

    @Benchmark
    public QueueStats bucketThroughSmile() {
        return smile.deserializer().deserialize("", smile.serializer().serialize("", busyBucket));
    }

    @Benchmark
    public QueueStats bucketThroughJsonText() throws IOException {
        return json.readValue(json.writeValueAsBytes(busyBucket), QueueStats.class);
    }

    /** Sizes, printed once per fork so that the report can state them. */
    @TearDown
    public void sizes() {
        System.out.printf("%nbusy bucket: %d bytes binary, %d bytes as Smile, %d bytes as JSON text%n",
                QueueStatsSerde.write(busyBucket).length, busyBucketSmile.length, busyBucketJson.length);
        System.out.printf("answered contact's state: %d bytes binary, %d bytes as Smile%n",
                contactSerde.serializer().serialize("", answeredContact).length,
                contactSmile.serializer().serialize("", answeredContact).length);
    }
}
