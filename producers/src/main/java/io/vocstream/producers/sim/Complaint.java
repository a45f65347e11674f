package io.vocstream.producers.sim;

import io.vocstream.events.Channel;
import io.vocstream.events.ComplaintReasonClass;
import io.vocstream.events.Severity;

/** One complaint case and how its handling went. */
final class Complaint {
    final String id;
    final Customer customer;
    final String category;
    final Severity severity;
    final Channel channel;
    final ComplaintLinks links;
    final boolean repeatComplainant;
    final long openedAt;

    boolean firstResponseLate;
    boolean escalated;
    boolean appealed;
    boolean reopened;
    /** Null until the investigation classifies the complaint at resolution. */
    ComplaintReasonClass reasonClass;
    boolean substantiated;
    long resolvedAt;

    Complaint(String id, Customer customer, String category, Severity severity, Channel channel,
              ComplaintLinks links, boolean repeatComplainant, long openedAt) {
        this.id = id;
        this.customer = customer;
        this.category = category;
        this.severity = severity;
        this.channel = channel;
        this.links = links;
        this.repeatComplainant = repeatComplainant;
        this.openedAt = openedAt;
    }
}
