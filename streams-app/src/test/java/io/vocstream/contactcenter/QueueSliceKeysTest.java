package io.vocstream.contactcenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.buckets.SliceKeys;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QueueSliceKeysTest {
    @Test
    @DisplayName("a key gives back its queue and slice, for whole queues and slices of a dimension")
    void roundTrip() {
        for (String queue : List.of("billing", "q-1", "q=2", "all")) {
            for (String slice : List.of(SliceKeys.all(), SliceKeys.of("region", "north"), SliceKeys.of("segment", "a|b"))) {
                String key = QueueSliceKeys.of(queue, slice);
                assertEquals(queue, QueueSliceKeys.queueOf(key), key);
                assertEquals(slice, QueueSliceKeys.sliceOf(key), key);
            }
        }
        assertEquals(QueueSliceKeys.whole("billing"), QueueSliceKeys.of("billing", SliceKeys.all()));
    }

    @Test
    @DisplayName("every whole queue sorts under one prefix, and one queue's slices of a dimension under another")
    void keyRanges() {
        TreeSet<String> keys = new TreeSet<>();
        for (String queue : List.of("q-1", "q-10", "a", "zz")) {
            for (String slice : List.of(SliceKeys.all(), SliceKeys.of("channel", "voice"),
                    SliceKeys.of("region", "north"), SliceKeys.of("region", "south"))) {
                keys.add(QueueSliceKeys.of(queue, slice));
            }
        }
        assertEquals(List.of("|a", "|q-1", "|q-10", "|zz"),
                List.copyOf(keys.subSet(QueueSliceKeys.WHOLE_PREFIX, QueueSliceKeys.WHOLE_PREFIX + Character.MAX_VALUE)));
        String prefix = QueueSliceKeys.dimensionPrefix("q-1", "region");
        assertEquals(List.of("q-1|region=north", "q-1|region=south"),
                List.copyOf(keys.subSet(prefix, prefix + Character.MAX_VALUE)));
        assertTrue(keys.stream().filter(k -> !k.startsWith(QueueSliceKeys.WHOLE_PREFIX))
                .noneMatch(k -> QueueSliceKeys.sliceOf(k).equals(SliceKeys.all())));
        assertFalse(QueueSliceKeys.whole("q-1").startsWith(prefix));
    }
}
