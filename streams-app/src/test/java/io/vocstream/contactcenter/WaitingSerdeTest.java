package io.vocstream.contactcenter;

import static io.vocstream.testing.StateSerdeAssertions.assertRefusesForeignAndTruncatedBytes;
import static io.vocstream.testing.StateSerdeAssertions.assertRoundTrip;

import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WaitingSerdeTest {
    private static final Serde<ContactCenterTopology.Waiting> SERDE = WaitingSerde.serde();

    private static ContactCenterTopology.Waiting waiting() {
        return new ContactCenterTopology.Waiting("facturación", 1_764_000_030_000L,
                new Dimensions("voice", "Ærø", "business"));
    }

    @Test
    @DisplayName("a waiting contact with non-ASCII queue and dimensions, and one without dimensions, survive")
    void waitingSurvivesTheRoundTrip() {
        assertRoundTrip(SERDE, waiting());
        assertRoundTrip(SERDE, new ContactCenterTopology.Waiting("billing", Long.MIN_VALUE,
                new Dimensions(null, null, null)));
    }

    @Test
    void foreignAndTruncatedBytesAreRefused() {
        assertRefusesForeignAndTruncatedBytes(SERDE, waiting(), "waiting contact");
    }
}
