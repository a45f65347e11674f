package io.vocstream.contactcenter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RepeatContactsTest {
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration KEEP = WEEK.plusHours(1);
    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
    private static final Dimensions DIMS = new Dimensions("VOICE", "north", null);

    /** Feeds first contacts of one customer and sums the deltas per contact id. */
    private static Map<String, RepeatStats> feed(RepeatContacts.FirstContact... contacts) {
        List<RepeatContacts.Remembered> history = new ArrayList<>();
        Map<String, RepeatStats> byContact = new HashMap<>();
        for (RepeatContacts.FirstContact c : contacts) {
            RepeatContacts.Step step = RepeatContacts.apply(history, c, WEEK, KEEP);
            history = step.history();
            step.deltas().forEach(d -> byContact.merge(d.contact().contactId(), d.stats(), RepeatStats::merge));
        }
        return byContact;
    }

    private static RepeatContacts.FirstContact contact(String id, Duration after) {
        return new RepeatContacts.FirstContact(id, "billing", T.plus(after).toEpochMilli(), DIMS);
    }

    @Test
    @DisplayName("a contact within 7 days of the customer's previous one is a repeat; one after 8 days is not")
    void inOrder() {
        Map<String, RepeatStats> r = feed(contact("k1", Duration.ZERO), contact("k2", Duration.ofDays(2)),
                contact("k3", Duration.ofDays(10)));
        assertEquals(new RepeatStats(1, 0), r.get("k1"));
        assertEquals(new RepeatStats(1, 1), r.get("k2"));
        assertEquals(new RepeatStats(1, 0), r.get("k3")); // 8 days after k2
    }

    @Test
    @DisplayName("an earlier contact arriving late makes the later one a repeat, once; a contact seen again counts once")
    void outOfOrderAndDuplicates() {
        Map<String, RepeatStats> r = feed(contact("k2", Duration.ofHours(5)), contact("k1", Duration.ZERO),
                contact("k0", Duration.ofHours(-1)), contact("k2", Duration.ofHours(5)));
        assertEquals(new RepeatStats(1, 1), r.get("k2")); // counted when k1 arrived, not again for k0
        assertEquals(new RepeatStats(1, 1), r.get("k1")); // k0 is an hour before it
        assertEquals(new RepeatStats(1, 0), r.get("k0"));
    }
}
