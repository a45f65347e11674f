package io.vocstream.schemas.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    @Test
    void whenFullTheEntryInsertedFirstIsEvicted() {
        BoundedCache<Integer, String> cache = new BoundedCache<>(2);

        cache.put(1, "one");
        cache.put(2, "two");
        cache.put(3, "three");

        assertNull(cache.get(1));
        assertEquals("two", cache.get(2));
        assertEquals("three", cache.get(3));
        assertEquals(2, cache.size());
    }

    @Test
    void aKnownKeyKeepsItsFirstValue() {
        BoundedCache<Integer, String> cache = new BoundedCache<>(2);

        cache.put(1, "one");
        cache.put(1, "uno");

        assertEquals("one", cache.get(1));
        assertEquals(1, cache.size());
    }

    @Test
    void concurrentInsertionsNeverLeaveMoreThanTheCapacity() throws InterruptedException {
        BoundedCache<Integer, Integer> cache = new BoundedCache<>(100);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t * 10_000;
            Thread writer = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    cache.put(offset + i, i);
                }
            });
            writer.start();
            writers.add(writer);
        }
        for (Thread writer : writers) {
            writer.join();
        }

        // Racing evictions may remove a few more than needed, never too few.
        assertTrue(cache.size() <= 100 && cache.size() > 0, "size " + cache.size());
    }
}
