package io.vocstream.contactcenter;

import static io.vocstream.testing.StateSerdeAssertions.assertRefusesForeignAndTruncatedBytes;
import static io.vocstream.testing.StateSerdeAssertions.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CountSerdesTest {
    @Test
    @DisplayName("agent statistics survive the round trip, fractional handle seconds included")
    void agentStats() {
        assertRoundTrip(CountSerdes.agentStats(), new AgentStats(12, 10, 9, 3_456.25, 2));
        assertRoundTrip(CountSerdes.agentStats(), AgentStats.EMPTY);
        assertRefusesForeignAndTruncatedBytes(CountSerdes.agentStats(), new AgentStats(1, 1, 1, 0.5, 0),
                "agent statistics");
    }

    @Test
    @DisplayName("CSAT counts survive the round trip score by score")
    void csatCounts() {
        assertRoundTrip(CountSerdes.csatCounts(), new CsatCounts(1, 2, 3, 4, 5));
        assertRefusesForeignAndTruncatedBytes(CountSerdes.csatCounts(), new CsatCounts(0, 0, 0, 0, 7), "CSAT counts");
    }

    @Test
    @DisplayName("repeat-contact statistics survive the round trip")
    void repeatStats() {
        assertRoundTrip(CountSerdes.repeatStats(), new RepeatStats(40, 3));
        assertRefusesForeignAndTruncatedBytes(CountSerdes.repeatStats(), new RepeatStats(1, 0),
                "repeat-contact statistics");
    }

    @Test
    @DisplayName("a value is its version byte and its components, eight bytes each")
    void layoutSize() {
        assertEquals(1 + 5 * 8, CountSerdes.agentStats().serializer().serialize("t", AgentStats.EMPTY).length);
        assertEquals(1 + 2 * 8, CountSerdes.repeatStats().serializer().serialize("t", new RepeatStats(0, 0)).length);
    }
}
