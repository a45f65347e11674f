package io.vocstream.contactcenter;

import static io.vocstream.testing.StateSerdeAssertions.assertRefusesForeignAndTruncatedBytes;
import static io.vocstream.testing.StateSerdeAssertions.assertRoundTrip;

import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContactStateSerdeTest {
    private static final Serde<ContactState> SERDE = ContactStateSerde.serde();

    private static ContactState transferredAndWaiting() {
        ContactState.Offer waiting = new ContactState.Offer("réclamations", 1_764_000_060_000L);
        return new ContactState(List.of(new ContactState.Offer("billing", 1_764_000_000_000L), waiting), waiting,
                1_764_000_030_000L, Set.of("OFFERED@billing@1764000000000", "ANSWERED@billing@1764000030000",
                "OFFERED@réclamations@1764000060000"), new Dimensions("VOICE", "Île-de-France", "住宅"),
                1_764_000_060_000L, List.of(new ContactState.Answer("billing", 1_764_000_030_000L)));
    }

    @Test
    @DisplayName("a contact waiting in its second queue, with non-ASCII queue and dimensions, survives the round trip")
    void waitingContactSurvivesTheRoundTrip() {
        assertRoundTrip(SERDE, transferredAndWaiting());
    }

    @Test
    @DisplayName("a first state (no offers, answers or steps, Long.MIN_VALUE times) with no dimensions survives")
    void firstStateWithNullsSurvivesTheRoundTrip() {
        assertRoundTrip(SERDE, ContactState.first(new Dimensions("CHAT", null, null)));
        assertRoundTrip(SERDE, ContactState.first(new Dimensions(null, null, null)));
        assertRoundTrip(SERDE, new ContactState(List.of(new ContactState.Offer("", Long.MIN_VALUE)), null,
                Long.MIN_VALUE, Set.of(""), new Dimensions("", "", ""), Long.MAX_VALUE, List.of()));
    }

    @Test
    void foreignAndTruncatedBytesAreRefused() {
        assertRefusesForeignAndTruncatedBytes(SERDE, transferredAndWaiting(), "contact state");
    }
}
