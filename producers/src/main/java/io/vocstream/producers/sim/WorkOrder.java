package io.vocstream.producers.sim;

import io.vocstream.events.Channel;

/** One field work order and what happened on it so far. */
final class WorkOrder {
    enum Status { SCHEDULED, QUEUED, DISPATCHED, ON_SITE, COMPLETED, CANCELLED }

    final String id;
    /** Null for outage orders, which are about a feeder rather than one customer. */
    final Customer customer;
    final Region region;
    final String category;
    final boolean outage;
    final String assetId;
    final String feederId;
    final Integer customersAffected;
    final String contactId;
    final Channel channel;
    /** 0: outage, 1: urgent, 2: appointment. */
    final int priority;

    Status status = Status.SCHEDULED;
    long windowStart;
    long windowEnd;
    String technicianId;
    int visits;
    /** Minutes the first arrival was after the promised window (0 if on time). */
    double firstLateMinutes;
    boolean reopened;
    String completionCode;
    /** Called when an outage order is completed: the feeder has supply again. */
    Runnable onRestored;

    WorkOrder(String id, Customer customer, Region region, String category, boolean outage, String assetId,
              String feederId, Integer customersAffected, String contactId, Channel channel, int priority) {
        this.id = id;
        this.customer = customer;
        this.region = region;
        this.category = category;
        this.outage = outage;
        this.assetId = assetId;
        this.feederId = feederId;
        this.customersAffected = customersAffected;
        this.contactId = contactId;
        this.channel = channel;
        this.priority = priority;
    }
}
