package io.vocstream.contactcenter;

import static io.vocstream.testing.StateSerdeAssertions.assertRefusesForeignAndTruncatedBytes;
import static io.vocstream.testing.StateSerdeAssertions.assertRoundTrip;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HandledContactSerdeTest {
    private static final Serde<HandledContact> SERDE = HandledContactSerde.serde();

    private static HandledContact completedWithSurveys() {
        return new HandledContact(new HandledContact.AgentStep("agent-Ærø", 1_764_000_030_000L),
                new HandledContact.AgentStep("a-2", 1_764_000_400_000L),
                List.of(new HandledContact.LinkedSurvey(1_764_000_500_000L, 5, "a-2"),
                        new HandledContact.LinkedSurvey(1_764_000_600_000L, 1, "a-2")),
                1_764_000_600_000L);
    }

    @Test
    @DisplayName("a contact answered and completed by different agents, surveys credited, survives the round trip")
    void handledContactSurvivesTheRoundTrip() {
        assertRoundTrip(SERDE, completedWithSurveys());
    }

    @Test
    @DisplayName("no handling step yet (null steps, uncredited surveys) and the empty contact survive")
    void contactWithNullsSurvivesTheRoundTrip() {
        assertRoundTrip(SERDE, HandledContact.NONE);
        assertRoundTrip(SERDE, new HandledContact(null, null,
                List.of(new HandledContact.LinkedSurvey(Long.MIN_VALUE, 3, null)), Long.MIN_VALUE));
        assertRoundTrip(SERDE, new HandledContact(new HandledContact.AgentStep("a-1", 0), null, List.of(), 0));
    }

    @Test
    void foreignAndTruncatedBytesAreRefused() {
        assertRefusesForeignAndTruncatedBytes(SERDE, completedWithSurveys(), "handled contact");
    }
}
