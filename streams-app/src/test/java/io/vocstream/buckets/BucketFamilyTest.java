package io.vocstream.buckets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.buckets.BucketQueriesTest.Count;
import io.vocstream.streams.JsonSerde;
import io.vocstream.testing.TaskContexts;
import io.vocstream.time.BucketSize;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bucket family as its processor opens it: every size written, deltas published on the wall clock too. */
class BucketFamilyTest {
    private static final long TEN_PAST_TEN = Instant.parse("2026-11-23T10:10:00Z").toEpochMilli();
    private static final Duration PUBLISH_EVERY = Duration.ofMillis(50);

    private final List<BucketStore<Count>> stores = new ArrayList<>();
    private MockProcessorContext<Void, Void> context;

    @TempDir
    File stateDir;

    @BeforeEach
    void open() {
        context = TaskContexts.of("bucket-family-test", stateDir);
        context.setCurrentSystemTimeMs(TEN_PAST_TEN);
        for (BucketSize size : BucketSize.values()) {
            BucketStore<Count> store = BucketStore.builder(BucketFamily.storeName("counts", size), size,
                    Duration.ofDays(1), JsonSerde.of(Count.class), PUBLISH_EVERY).withLoggingDisabled().build();
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
            stores.add(store);
        }
    }

    @AfterEach
    void close() {
        stores.forEach(BucketStore::close);
    }

    @Test
    @DisplayName("deltas no later add publishes are published by a wall-clock punctuation, in every size's store, "
            + "scheduled only while they wait")
    void quietStoresArePublishedOnTheWallClock() throws InterruptedException {
        BucketFamily<Count> family = BucketFamily.open(context, "counts");
        assertEquals(List.of(), context.scheduledPunctuators(), "nothing to publish");

        family.add("all=all", TEN_PAST_TEN, new Count(1));
        MockProcessorContext.CapturedPunctuator first = context.scheduledPunctuators().get(0);
        assertEquals(PunctuationType.WALL_CLOCK_TIME, first.getType());
        assertEquals(BucketFamily.QUIET_AFTER, first.getInterval());
        Thread.sleep(PUBLISH_EVERY.toMillis() + 10);
        family.add("all=all", TEN_PAST_TEN, new Count(2));
        assertTrue(first.cancelled(), "the add a period after the last publication published, so no punctuation");

        family.add("all=all", TEN_PAST_TEN, new Count(4));
        for (BucketSize size : BucketSize.values()) {
            assertEquals(new Count(3), stores.get(size.ordinal()).fetch("all=all", size.startOf(TEN_PAST_TEN)),
                    "published less than a period ago");
        }
        MockProcessorContext.CapturedPunctuator second = context.scheduledPunctuators().get(1);
        second.getPunctuator().punctuate(System.currentTimeMillis());
        for (BucketSize size : BucketSize.values()) {
            assertEquals(new Count(7), stores.get(size.ordinal()).fetch("all=all", size.startOf(TEN_PAST_TEN)),
                    size.name());
        }
        assertTrue(second.cancelled(), "once: the next waiting delta schedules its own");
        assertEquals(2, context.scheduledPunctuators().size());
    }
}
