package io.vocstream.complaints;

import java.time.Instant;
import java.util.List;

/** A complaint's lifecycle as the API shows it: attributes, derived times and every step in event-time order. */
public record ComplaintLifecycle(String complaintId, String state, boolean open, String category, String channel,
                                 String region, String segment, String tier, String queue, String assetId,
                                 String feederId, Instant openedAt, Instant firstResponseAt, Instant resolvedAt,
                                 Boolean substantiated, String reasonClass, List<LifecycleStep> steps) {

    /** One step of the lifecycle. */
    public record LifecycleStep(String type, Instant time) {
    }

    static ComplaintLifecycle of(ComplaintCase c) {
        return new ComplaintLifecycle(c.complaintId(), c.state() == null ? null : c.state().name(), c.isOpen(),
                c.category(), c.channel(), c.region(), c.segment(), c.tier(), c.queue(), c.assetId(), c.feederId(),
                instant(c.openedAt()), instant(c.firstResponseAt()), instant(c.resolvedAt()), c.substantiated(),
                c.reasonClass(), c.steps().stream()
                        .map(s -> new LifecycleStep(s.type().name(), Instant.ofEpochMilli(s.time()))).toList());
    }

    private static Instant instant(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }
}
