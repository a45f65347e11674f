package io.vocstream.complaints;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.vocstream.buckets.SliceKeys;
import io.vocstream.events.ComplaintEvent;
import io.vocstream.events.ComplaintEventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is known of one complaint: its attributes (from the OPENED step once it has arrived) and every step of its
 * lifecycle in event-time order. Every figure is derived from the whole set of steps, so the order in which the
 * events arrive does not matter: a RESOLVED step that comes before the OPENED step waits in the list until the
 * complaint's cohort is known.
 *
 * @param substantiated     the latest classification (by event time), null until classified
 * @param reasonClass       the reason class of that classification
 * @param classifiedAt      event time of that classification
 */
public record ComplaintCase(String complaintId, String customerId, String category, String channel, String region,
                            String segment, String tier, String queue, String assetId, String feederId,
                            List<Step> steps, Boolean substantiated, String reasonClass, Long classifiedAt) {

    /** The dimensions complaint KPIs are sliced by. */
    public static final List<String> DIMENSIONS =
            List.of("all", "region", "segment", "tier", "channel", "category", "queue");
    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration EIGHT_WEEKS = Duration.ofDays(56);
    private static final Comparator<Step> EVENT_ORDER =
            Comparator.comparingLong(Step::time).thenComparing(Step::type);

    /** One lifecycle step. */
    public record Step(ComplaintEventType type, long time) {
    }

    public ComplaintCase {
        steps = List.copyOf(steps);
    }

    /** The case after {@code event}: a repeated step (same type and time) is kept once. */
    ComplaintCase with(ComplaintEvent event) {
        long time = event.getEventTime().toEpochMilli();
        Step step = new Step(event.getType(), time);
        List<Step> next = new ArrayList<>(steps);
        if (!next.contains(step)) {
            next.add(step);
            next.sort(EVENT_ORDER);
        }
        boolean describes = event.getType() == ComplaintEventType.OPENED || steps.isEmpty();
        boolean reclassifies = event.getSubstantiated() != null && (classifiedAt == null || time >= classifiedAt);
        return new ComplaintCase(complaintId,
                describes ? orElse(event.getCustomerId(), customerId) : orElse(customerId, event.getCustomerId()),
                describes ? event.getCategory() : category,
                describes ? event.getChannel().name() : channel,
                describes ? orElse(event.getRegion(), region) : region,
                describes ? orElse(event.getSegment(), segment) : segment,
                describes ? orElse(event.getTier(), tier) : tier,
                describes ? orElse(event.getQueue(), queue) : queue,
                describes ? orElse(event.getAssetId(), assetId) : assetId,
                describes ? orElse(event.getFeederId(), feederId) : feederId,
                next,
                reclassifies ? event.getSubstantiated() : substantiated,
                reclassifies ? Optional.ofNullable(event.getReasonClass()).map(Enum::name).orElse(null) : reasonClass,
                reclassifies ? Long.valueOf(time) : classifiedAt);
    }

    static ComplaintCase first(ComplaintEvent event) {
        return new ComplaintCase(event.getComplaintId(), null, null, null, null, null, null, null, null, null,
                List.of(), null, null, null).with(event);
    }

    private static String orElse(CharSequence preferred, String fallback) {
        return preferred == null ? fallback : preferred.toString();
    }

    /** Earliest time of a step of {@code type}, or null. */
    private Long earliest(ComplaintEventType... types) {
        return steps.stream().filter(s -> List.of(types).contains(s.type())).map(Step::time).findFirst()
                .orElse(null);
    }

    /** When the complaint was opened (its earliest OPENED step); null until that step has arrived. */
    public Long openedAt() {
        return earliest(ComplaintEventType.OPENED);
    }

    public Long firstResponseAt() {
        return earliest(ComplaintEventType.FIRST_RESPONSE);
    }

    /** The first resolution: the earliest RESOLVED step, or CLOSED when it was closed without one before. */
    public Long resolvedAt() {
        return earliest(ComplaintEventType.RESOLVED, ComplaintEventType.CLOSED);
    }

    /** The latest step's type: where the complaint is now. */
    public ComplaintEventType state() {
        return steps.isEmpty() ? null : steps.get(steps.size() - 1).type();
    }

    /** Opened, and not resolved or closed since its latest step. */
    @JsonIgnore
    public boolean isOpen() {
        return openedAt() != null && state() != ComplaintEventType.RESOLVED && state() != ComplaintEventType.CLOSED;
    }

    private boolean has(ComplaintEventType type) {
        return steps.stream().anyMatch(s -> s.type() == type);
    }

    /** The slices the complaint counts in, one per dimension. */
    public List<String> sliceKeys() {
        return List.of(SliceKeys.all(), SliceKeys.of("region", region), SliceKeys.of("segment", segment),
                SliceKeys.of("tier", tier), SliceKeys.of("channel", channel), SliceKeys.of("category", category),
                SliceKeys.of("queue", queue));
    }

    /** This complaint's contribution to its cohort's statistics; empty until it has been opened. */
    ComplaintStats stats(ComplaintSettings settings) {
        Long opened = openedAt();
        if (opened == null) {
            return ComplaintStats.empty();
        }
        Long responded = firstResponseAt();
        Long resolved = resolvedAt();
        Duration toResponse = responded == null ? null : nonNegative(responded - opened);
        Duration toResolve = resolved == null ? null : nonNegative(resolved - opened);
        boolean onTime = toResponse != null && toResponse.compareTo(settings.promiseOf(category)) <= 0;
        return new ComplaintStats(1, count(toResponse != null), count(onTime), count(toResolve != null),
                count(toResolve != null && toResolve.compareTo(DAY) <= 0),
                count(toResolve != null && toResolve.compareTo(EIGHT_WEEKS) <= 0),
                count(!isOpen()), count(has(ComplaintEventType.REOPENED)), count(has(ComplaintEventType.APPEALED)),
                count(substantiated != null), count(Boolean.TRUE.equals(substantiated)),
                substantiated == null ? Map.of() : Map.of(reasonClass == null ? "UNSPECIFIED" : reasonClass, 1L),
                toResponse == null ? DurationHistogram.empty() : DurationHistogram.of(toResponse.toMillis() / 1000.0),
                toResolve == null ? DurationHistogram.empty() : DurationHistogram.of(toResolve.toMillis() / 1000.0),
                0, 0, 0);
    }

    private static Duration nonNegative(long millis) {
        // a step stamped before the opening (clocks of two systems) took no time rather than negative time
        return Duration.ofMillis(Math.max(0, millis));
    }

    private static long count(boolean condition) {
        return condition ? 1 : 0;
    }
}
