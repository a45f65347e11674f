package io.vocstream.satisfaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.events.ComplaintEvent;
import io.vocstream.events.ComplaintEventType;
import io.vocstream.events.ContactEvent;
import io.vocstream.events.ContactEventType;
import io.vocstream.testing.Events;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkageFactsTest {
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    private static ContactWait fold(List<ContactEvent> events) {
        ContactWait w = ContactWait.NONE;
        for (ContactEvent e : events) {
            w = w.with(e);
        }
        return w;
    }

    @Test
    void waitAddsMeasuredAndDerivedWaitsOfEveryQueueWhateverTheOrder() {
        ContactEvent offered = Events.contact("c", ContactEventType.OFFERED, T).build();
        ContactEvent transferred = Events.contact("c", ContactEventType.TRANSFERRED, T.plusSeconds(40))
                .setWaitSeconds(40.0).build();
        ContactEvent offeredAgain = Events.contact("c", ContactEventType.OFFERED, T.plusSeconds(100)).build();
        ContactEvent answered = Events.contact("c", ContactEventType.ANSWERED, T.plusSeconds(190)).build();
        // 40 s measured in the first queue + (190 − 100) s derived in the second = 130 s
        assertEquals(130.0, fold(List.of(offered, transferred, offeredAgain, answered)).waitedSeconds(), 1e-9);
        assertEquals(130.0, fold(List.of(answered, offeredAgain, transferred, offered)).waitedSeconds(), 1e-9);
        assertEquals(WaitBand.FROM_2M_TO_5M, WaitBand.of(130));
    }

    @Test
    void waitIsUnknownUntilAWaitEndsOrWhenItCannotBeDerived() {
        assertNull(fold(List.of(Events.contact("c", ContactEventType.OFFERED, T).build())).waitedSeconds());
        assertNull(fold(List.of(Events.contact("c", ContactEventType.ANSWERED, T).build())).waitedSeconds());
    }

    @Test
    void waitBandsSplitAtThirtySecondsTwoAndFiveMinutes() {
        assertEquals(WaitBand.UNDER_30S, WaitBand.of(29.9));
        assertEquals(WaitBand.FROM_30S_TO_2M, WaitBand.of(30));
        assertEquals(WaitBand.FROM_2M_TO_5M, WaitBand.of(120));
        assertEquals(WaitBand.OVER_5M, WaitBand.of(300));
    }

    @Test
    void complaintIsOpenBetweenOpeningAndResolutionAndAgainAfterReopening() {
        List<ComplaintEvent> steps = List.of(
                Events.complaint("k", ComplaintEventType.REOPENED, T.plusSeconds(300)).build(),
                Events.complaint("k", ComplaintEventType.RESOLVED, T.plusSeconds(100)).build(),
                Events.complaint("k", ComplaintEventType.OPENED, T).build(),
                Events.complaint("k", ComplaintEventType.FIRST_RESPONSE, T.plusSeconds(50)).build());
        CustomerComplaints c = CustomerComplaints.NONE;
        for (ComplaintEvent e : steps) {
            CustomerComplaints.Step step = CustomerComplaints.Step.of(e);
            c = step == null ? c : c.with(step);
        }
        long t0 = T.toEpochMilli();
        assertFalse(c.openAt(t0 - 1));
        assertTrue(c.openAt(t0));
        assertTrue(c.openAt(t0 + 99_999));
        assertFalse(c.openAt(t0 + 100_000));
        assertTrue(c.openAt(t0 + 300_000));
        assertEquals(t0 + 300_000, c.lastSeenAt());
        assertEquals(3, c.steps().get("k").size()); // the first response neither opens nor closes
    }
}
