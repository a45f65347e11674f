package io.vocstream.contactcenter;

import static io.vocstream.testing.StateSerdeAssertions.assertRefusesForeignAndTruncatedBytes;
import static io.vocstream.testing.StateSerdeAssertions.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vocstream.events.AgentState;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AgentNowSerdeTest {
    private static final Serde<AgentNow> SERDE = AgentNowSerde.serde();

    @Test
    @DisplayName("agents in every state, with and without queues and contact, survive the round trip")
    void everyStateSurvivesTheRoundTrip() {
        for (AgentState state : AgentState.values()) {
            assertRoundTrip(SERDE, new AgentNow("agent-Øyvind", state, List.of("billing", "réclamations"),
                    1_764_000_000_000L, "c-42"));
        }
        assertRoundTrip(SERDE, new AgentNow("a-1", AgentState.LOGGED_OUT, List.of(), Long.MIN_VALUE, null));
    }

    @Test
    @DisplayName("the state is stored by name, so reordering AgentState's constants cannot change stored values")
    void stateIsWrittenByName() {
        byte[] expected = {
            1,                                                    // version
            0, 0, 0, 2, 'a', '1',                                 // agent id
            0, 0, 0, 4, 'B', 'U', 'S', 'Y',                       // state
            0, 0, 0, 1, 0, 0, 0, 1, 'q',                          // one queue
            0, 0, 0, 0, 0, 0, 0x03, (byte) 0xE8,                  // since 1000 ms
            -1, -1, -1, -1,                                       // no contact
        };
        assertArrayEquals(expected, SERDE.serializer().serialize("t",
                new AgentNow("a1", AgentState.BUSY, List.of("q"), 1000, null)));
    }

    @Test
    @DisplayName("a state name this code does not know is refused, naming it")
    void unknownStateNameIsRefused() {
        byte[] bytes = SERDE.serializer().serialize("t", new AgentNow("a1", AgentState.BUSY, List.of(), 1000, null));
        bytes[14] = 'Z'; // BUSY becomes BUSZ
        SerializationException e = assertThrows(SerializationException.class,
                () -> SERDE.deserializer().deserialize("t", bytes));
        assertEquals("corrupt agent state (" + bytes.length + " bytes): no AgentState named BUSZ", e.getMessage());
    }

    @Test
    void foreignAndTruncatedBytesAreRefused() {
        assertRefusesForeignAndTruncatedBytes(SERDE,
                new AgentNow("a-1", AgentState.AFTER_CALL_WORK, List.of("billing"), 5L, "c-1"), "agent state");
    }
}
