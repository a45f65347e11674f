package io.vocstream.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LabelCapTest {
    /** A partial count of one label value, as one partition would hold it. */
    private record Part(String value, long count) {
    }

    private static Map<String, Long> capped(int top, List<Part> parts) {
        Map<String, Long> merged = new TreeMap<>();
        new LabelCap(top).apply(parts, Part::value, Part::count, (p, value) -> new Part(value, p.count()))
                .forEach(p -> merged.merge(p.value(), p.count(), Long::sum));
        return merged;
    }

    @Test
    @DisplayName("the values with the largest total keep their label, summed over partials; the rest count as other")
    void keepsTheLargestValues() {
        // totals: north 5 + 4 = 9, south 7, east 3, west 1 + 1 = 2
        List<Part> parts = List.of(new Part("north", 5), new Part("south", 7), new Part("east", 3),
                new Part("west", 1), new Part("north", 4), new Part("west", 1));
        assertEquals(Map.of("north", 9L, "south", 7L, "other", 5L), capped(2, parts));
    }

    @Test
    @DisplayName("equal totals are ranked by value, so every scrape keeps the same ones")
    void tiesByValue() {
        List<Part> parts = List.of(new Part("c", 2), new Part("a", 2), new Part("b", 2));
        assertEquals(Map.of("a", 2L, "b", 2L, "other", 2L), capped(2, parts));
    }

    @Test
    @DisplayName("no more values than the cap: the partials are left as they are")
    void withinTheCap() {
        List<Part> parts = List.of(new Part("a", 1), new Part("b", 2));
        assertSame(parts, new LabelCap(2).apply(parts, Part::value, Part::count, (p, v) -> new Part(v, p.count())));
    }

    @Test
    @DisplayName("a cap below one value is refused")
    void capOfAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> new LabelCap(0));
    }
}
