package io.vocstream.repair;

import java.util.NavigableMap;
import java.util.TreeMap;

/** Counts by key that add up (a key whose count adds up to zero disappears), and their negation. */
final class Counts {
    private Counts() {
    }

    static <K> NavigableMap<K, Long> sum(NavigableMap<K, Long> a, NavigableMap<K, Long> b) {
        if (b.isEmpty()) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        NavigableMap<K, Long> sum = new TreeMap<>(a);
        b.forEach((key, count) -> sum.merge(key, count, (x, y) -> x + y == 0 ? null : x + y));
        return sum;
    }

    static <K> NavigableMap<K, Long> negated(NavigableMap<K, Long> counts) {
        NavigableMap<K, Long> negated = new TreeMap<>();
        counts.forEach((key, count) -> negated.put(key, -count));
        return negated;
    }
}
