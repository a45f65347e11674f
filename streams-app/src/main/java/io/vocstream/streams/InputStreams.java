package io.vocstream.streams;

import io.prometheus.client.Counter;
import io.vocstream.schemas.EventTopic;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The six input topics as every capability sees them: decodable (the rest is dead-lettered on the way in), valid by
 * {@link EventRules}, each event once (duplicates by eventId dropped) and on time (an event older than the newest
 * accepted event of its topic-partition minus the grace period is dead-lettered as too late). Kafka lets a topic be
 * a source once, so this is the one place the inputs are read.
 */
public final class InputStreams {
    static final Counter DUPLICATES = Counter.build()
            .name("vocstream_duplicate_events_total")
            .help("Events dropped because an event with the same eventId was already processed, by topic")
            .labelNames("topic")
            .register();

    private final Map<EventTopic, KStream<String, SpecificRecord>> streams = new EnumMap<>(EventTopic.class);

    private InputStreams() {
    }

    /**
     * @param grace how far behind its partition's newest event an event may be and still count
     */
    public static InputStreams build(StreamsBuilder builder, String topicPrefix, EventSerdes serdes, EventRules rules,
                                     Duration grace) {
        InputStreams inputs = new InputStreams();
        for (EventTopic topic : EventTopic.values()) {
            String seen = "input-seen-" + topic.baseName();
            String newest = "input-newest-" + topic.baseName();
            builder.addStateStore(SeenEventIds.builder(seen, grace));
            // one key per partition, rewritten by nearly every event: kept between commits, it reaches the changelog
            // once a commit
            builder.addStateStore(EntityStore.builder(Stores.persistentKeyValueStore(newest), Serdes.Long()));
            KStream<String, SpecificRecord> source = builder.stream(topic.topicName(topicPrefix),
                    serdes.consumed(topic));
            inputs.streams.put(topic, source.process(() -> new EventGate(topic, seen, newest, rules, grace),
                    Named.as("input-gate-" + topic.baseName()), seen, newest));
        }
        return inputs;
    }

    /** The validated, de-duplicated, on-time events of {@code topic}, keyed by entity id, timestamped by eventTime. */
    @SuppressWarnings("unchecked")
    public <T extends SpecificRecord> KStream<String, T> of(EventTopic topic) {
        return (KStream<String, T>) (KStream<String, ?>) streams.get(topic);
    }

    /**
     * Lets an event through, drops it as a duplicate, or refuses it (to the dead-letter topic) with the reason.
     *
     * <p>Lateness is measured against the newest event this gate accepted, not Kafka Streams' stream time: stream
     * time also advances on records that are then refused (a clock error years ahead would make every later event
     * "late"), and it is shared by the topics of a task, whose events arrive with different delays.
     */
    private static final class EventGate implements Processor<String, SpecificRecord, String, SpecificRecord> {
        private static final String NEWEST = "newest";

        private final EventTopic topic;
        private final String seenStoreName;
        private final String newestStoreName;
        private final EventRules rules;
        private final long graceMillis;
        private ProcessorContext<String, SpecificRecord> context;
        private SeenEventIds seen;
        private KeyValueStore<String, Long> newestStore;
        private long newest;

        EventGate(EventTopic topic, String seenStoreName, String newestStoreName, EventRules rules, Duration grace) {
            this.topic = topic;
            this.seenStoreName = seenStoreName;
            this.newestStoreName = newestStoreName;
            this.rules = rules;
            this.graceMillis = grace.toMillis();
        }

        @Override
        public void init(ProcessorContext<String, SpecificRecord> context) {
            this.context = context;
            this.seen = context.getStateStore(seenStoreName);
            this.newestStore = context.getStateStore(newestStoreName);
            Long stored = newestStore.get(NEWEST);
            this.newest = stored == null ? Long.MIN_VALUE : stored;
        }

        @Override
        public void process(Record<String, SpecificRecord> record) {
            SpecificRecord event = record.value();
            if (event == null) {
                return;
            }
            String problem = rules.problemOf(event, context.currentSystemTimeMs());
            if (problem != null) {
                throw new RejectedEventException(RejectedEventException.STAGE_VALIDATION, problem);
            }
            long eventTime = record.timestamp();
            if (newest != Long.MIN_VALUE && eventTime < newest - graceMillis) {
                throw new RejectedEventException(RejectedEventException.STAGE_TOO_LATE, String.format(
                        "eventTime %s is %d s behind the newest event of its partition (%s); the grace period is %d s",
                        Instant.ofEpochMilli(eventTime), (newest - eventTime) / 1000,
                        Instant.ofEpochMilli(newest), graceMillis / 1000));
            }
            String eventId = event.get(event.getSchema().getField("eventId").pos()).toString();
            if (seen.seen(eventId, eventTime)) {
                DUPLICATES.labels(topic.baseName()).inc();
                return;
            }
            seen.add(eventId, eventTime);
            if (eventTime > newest) {
                newest = eventTime;
                newestStore.put(NEWEST, newest);
            }
            context.forward(record);
        }
    }
}
