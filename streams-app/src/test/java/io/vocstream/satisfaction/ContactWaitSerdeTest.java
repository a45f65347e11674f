package io.vocstream.satisfaction;

import static io.vocstream.testing.StateSerdeAssertions.assertRefusesForeignAndTruncatedBytes;
import static io.vocstream.testing.StateSerdeAssertions.assertRoundTrip;

import io.vocstream.events.Touchpoint;
import io.vocstream.testing.Events;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContactWaitSerdeTest {
    private static final Serde<ContactWait> SERDE = ContactWaitSerde.serde();
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    private static ContactWait answeredWithResponses() {
        SatisfactionStats scored = ResponseScores.of(Events.survey("r-1", Touchpoint.AGENT, T).setCsat(4)
                .setNps(9).setIndicators(List.of(ResponseScoresTest.indicator("délai", 3, 2, 1.0))).build(),
                SatisfactionConfig.defaults());
        long t = T.toEpochMilli();
        return new ContactWait(List.of(t, t + 60_000), List.of(new ContactWait.WaitEnd(t + 30_000, 28.5),
                new ContactWait.WaitEnd(t + 90_000, null)),
                List.of(new LinkedResponse(t + 120_000, scored, "wait=30s–2m"),
                        new LinkedResponse(t + 130_000, scored.negated(), "wait=unknown"),
                        new LinkedResponse(t + 140_000, SatisfactionStats.EMPTY, "wait=lt30s")),
                t + 140_000);
    }

    @Test
    @DisplayName("offers, measured and unmeasured wait ends and linked responses with statistics survive")
    void contactWaitSurvivesTheRoundTrip() {
        assertRoundTrip(SERDE, answeredWithResponses());
    }

    @Test
    @DisplayName("the empty contact wait (Long.MIN_VALUE last seen) survives the round trip")
    void emptyContactWaitSurvivesTheRoundTrip() {
        assertRoundTrip(SERDE, ContactWait.NONE);
        assertRoundTrip(SERDE, new ContactWait(List.of(Long.MIN_VALUE), List.of(new ContactWait.WaitEnd(0, -0.0)),
                List.of(), 0));
    }

    @Test
    void foreignAndTruncatedBytesAreRefused() {
        assertRefusesForeignAndTruncatedBytes(SERDE, answeredWithResponses(), "contact wait");
    }
}
