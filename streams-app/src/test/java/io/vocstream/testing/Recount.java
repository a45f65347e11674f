package io.vocstream.testing;

import io.vocstream.events.ComplaintEvent;
import io.vocstream.events.ComplaintEventType;
import io.vocstream.events.ContactEvent;
import io.vocstream.events.ContactEventType;
import io.vocstream.events.RepairEvent;
import io.vocstream.events.RepairEventType;
import io.vocstream.events.SurveyResponse;
import io.vocstream.schemas.EventTopic;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;

/**
 * Figures recounted straight from the events written, each event once by its eventId, as a check on what the
 * application computes with its buckets, partials and fan-outs. All events are taken to be valid and on time.
 */
public final class Recount {
    /** Survey responses of one slice: how many, how many with a CSAT answer, the sum of those answers. */
    public record Csat(long n, long csatN, long csatSum) {
        public double csatMean() {
            return (double) csatSum / csatN;
        }

        Csat plus(SurveyResponse r) {
            return new Csat(n + 1, csatN + (r.getCsat() == null ? 0 : 1), csatSum + (r.getCsat() == null ? 0
                    : r.getCsat()));
        }
    }

    /** Contacts offered to and answered by one queue. */
    public record Queue(long offered, long answered) {
    }

    private final List<SpecificRecord> events;

    /** @param written every event written, duplicates included */
    public Recount(List<SpecificRecord> written) {
        Set<String> seen = new HashSet<>();
        this.events = written.stream()
                .filter(e -> seen.add(EventTopic.of(e).baseName() + "/" + e.get(e.getSchema().getField("eventId")
                        .pos())))
                .toList();
    }

    /** Events per input topic (every topic, zero included). */
    public Map<String, Long> eventsPerTopic() {
        Map<String, Long> counts = new TreeMap<>();
        for (EventTopic topic : EventTopic.values()) {
            counts.put(topic.baseName(), 0L);
        }
        events.forEach(e -> counts.merge(EventTopic.of(e).baseName(), 1L, Long::sum));
        return counts;
    }

    /** Survey responses per region ({@code unknown} for none). */
    public Map<String, Csat> surveysByRegion() {
        Map<String, Csat> byRegion = new TreeMap<>();
        for (SurveyResponse r : of(SurveyResponse.class)) {
            byRegion.merge(r.getRegion() == null ? "unknown" : r.getRegion(), new Csat(0, 0, 0).plus(r),
                    (a, b) -> new Csat(a.n + b.n, a.csatN + b.csatN, a.csatSum + b.csatSum));
        }
        return byRegion;
    }

    /** Offered and answered contact events per queue. */
    public Map<String, Queue> queues() {
        Map<String, Queue> byQueue = new TreeMap<>();
        for (ContactEvent e : of(ContactEvent.class)) {
            long offered = e.getType() == ContactEventType.OFFERED ? 1 : 0;
            long answered = e.getType() == ContactEventType.ANSWERED ? 1 : 0;
            byQueue.merge(e.getQueue(), new Queue(offered, answered),
                    (a, b) -> new Queue(a.offered + b.offered, a.answered + b.answered));
        }
        return byQueue;
    }

    /** Complaints opened per region. */
    public Map<String, Long> complaintsOpenedByRegion() {
        Map<String, Long> byRegion = new TreeMap<>();
        of(ComplaintEvent.class).stream().filter(e -> e.getType() == ComplaintEventType.OPENED)
                .forEach(e -> byRegion.merge(e.getRegion(), 1L, Long::sum));
        return byRegion;
    }

    /** Repair orders created per region. */
    public Map<String, Long> ordersCreatedByRegion() {
        Map<String, Long> byRegion = new TreeMap<>();
        of(RepairEvent.class).stream().filter(e -> e.getType() == RepairEventType.CREATED)
                .forEach(e -> byRegion.merge(e.getRegion(), 1L, Long::sum));
        return byRegion;
    }

    private <T extends SpecificRecord> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Events per input topic as an instance counts them ({@code /api/v1/ingest/topics}). */
    public static Map<String, Long> eventsPerTopic(ApiClient api, Duration within) throws Exception {
        Map<String, Long> perTopic = new TreeMap<>();
        api.await("/api/v1/ingest/topics", body -> true, within)
                .forEach(row -> perTopic.put(row.get("topic").asText(), row.get("events").asLong()));
        return perTopic;
    }

    /** Contacts offered and answered per queue in the 24 hours before {@code at}, as an instance answers them. */
    public static Map<String, Queue> queues(ApiClient api, Instant at, Duration within) throws Exception {
        Map<String, Queue> queues = new TreeMap<>();
        api.await("/api/v1/queues?window=24h&at=" + at, body -> true, within).forEach(row -> queues.put(
                row.get("queue").asText(), new Queue(row.get("offered").asLong(), row.get("answered").asLong())));
        return queues;
    }
}
