package io.vocstream.streams;

import io.prometheus.client.Counter;
import io.vocstream.schemas.EventTopic;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

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
            // an eventId is remembered as long as an event of its time can still arrive on time, and then some; it is
            // kept at the start of its slot, up to a grace period before its event time. Every event adds an id: in
            // memory, as the ids of a few hours are, that costs a fraction of a RocksDB write. A restart restores the
            // ids from the changelog, whose segments roll as often as ids are remembered so that the ids past its
            // retention are deleted, not restored.
            Duration remembered = grace.multipliedBy(2).plus(Duration.ofHours(1));
            builder.addStateStore(Stores.windowStoreBuilder(
                    Stores.inMemoryWindowStore(seen, remembered, Duration.ofMillis(1), false),
                    Serdes.String(), Serdes.Long())
                    .withLoggingEnabled(Map.of(TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(remembered.toMillis()))));
            // one key per partition, rewritten by nearly every event: cached, it reaches the changelog once a commit
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(newest),
                    Serdes.String(), Serdes.Long()).withCachingEnabled());
            KStream<String, SpecificRecord> source = builder.stream(topic.topicName(topicPrefix),
                    serdes.consumed(topic));
            inputs.streams.put(topic, source.process(() -> new EventGate(topic, seen, newest, rules, grace, remembered),
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
        /** Width of the slots eventIds are remembered in: the grace period (at least 1 ms). */
        private final long slotMillis;
        private final long rememberedMillis;
        /**
         * The seen store's ids by slot, each with its event time, to look up by hash: the store's own lookups search
         * a sorted map per slot, three of them for every event. Built from the store when the task starts (after its
         * restore) and kept as the store keeps its slots.
         */
        private final NavigableMap<Long, Map<String, Long>> seenBySlot = new TreeMap<>();
        private ProcessorContext<String, SpecificRecord> context;
        private WindowStore<String, Long> seen;
        private KeyValueStore<String, Long> newestStore;
        private long newest;

        EventGate(EventTopic topic, String seenStoreName, String newestStoreName, EventRules rules, Duration grace,
                  Duration remembered) {
            this.topic = topic;
            this.seenStoreName = seenStoreName;
            this.newestStoreName = newestStoreName;
            this.rules = rules;
            this.graceMillis = grace.toMillis();
            this.slotMillis = Math.max(graceMillis, 1);
            this.rememberedMillis = remembered.toMillis();
        }

        @Override
        public void init(ProcessorContext<String, SpecificRecord> context) {
            this.context = context;
            this.seen = context.getStateStore(seenStoreName);
            this.newestStore = context.getStateStore(newestStoreName);
            Long stored = newestStore.get(NEWEST);
            this.newest = stored == null ? Long.MIN_VALUE : stored;
            seenBySlot.clear();
            try (KeyValueIterator<Windowed<String>, Long> ids = seen.all()) {
                ids.forEachRemaining(id -> remember(id.key.key(), id.key.window().start(), id.value));
            }
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
            if (alreadySeen(eventId, eventTime)) {
                DUPLICATES.labels(topic.baseName()).inc();
                return;
            }
            long slot = slotOf(eventTime);
            seen.put(eventId, eventTime, slot);
            remember(eventId, slot, eventTime);
            if (eventTime > newest) {
                newest = eventTime;
                newestStore.put(NEWEST, newest);
            }
            context.forward(record);
        }

        /**
         * Whether {@code eventId} was accepted with an event time within the grace period of {@code eventTime}. Each
         * accepted id is kept in the grace-long slot of its event time (with that time), so such an earlier one is in
         * the slot of {@code eventTime} or in one next to it: three lookups by hash.
         */
        private boolean alreadySeen(String eventId, long eventTime) {
            long slot = slotOf(eventTime);
            for (long start = slot - slotMillis; start <= slot + slotMillis; start += slotMillis) {
                Map<String, Long> ids = seenBySlot.get(start);
                Long acceptedAt = ids == null ? null : ids.get(eventId);
                if (acceptedAt != null && Math.abs(acceptedAt - eventTime) <= graceMillis) {
                    return true;
                }
            }
            return false;
        }

        /** Adds an id to its slot; a new slot forgets the slots the seen store no longer keeps. */
        private void remember(String eventId, long slot, long eventTime) {
            Map<String, Long> ids = seenBySlot.get(slot);
            if (ids == null) {
                ids = new HashMap<>();
                seenBySlot.put(slot, ids);
                // the store keeps the slots starting after its newest slot's start minus its retention
                seenBySlot.headMap(seenBySlot.lastKey() - rememberedMillis, true).clear();
            }
            ids.put(eventId, eventTime);
        }

        private long slotOf(long eventTime) {
            return Math.floorDiv(eventTime, slotMillis) * slotMillis;
        }
    }
}
