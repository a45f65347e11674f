package io.vocstream.producers.sim;

import io.vocstream.events.Channel;

/** One customer contact on its way through queues, agents and possibly a callback. */
final class Contact {
    enum Status { WAITING, CONNECTING, TALKING, CALLBACK_WAITING, DONE, ABANDONED }

    final String id;
    final Customer customer;
    final Channel channel;
    /** The queue the customer wanted; transfers may move the contact elsewhere. */
    final QueueProfile intent;
    final ContactReason reason;
    /** IVR session the contact came from; null for chat and e-mail. */
    final String ivrSessionId;
    /** Failed inputs (no-input, no-match) in the IVR before reaching the queue. */
    final int ivrFailures;
    /** Seconds this caller is willing to wait in a queue before hanging up. */
    final double patienceSeconds;
    /** Whether the customer was in touch within the repeat window before this contact. */
    final boolean repeatContact;

    QueueProfile queue;
    Status status;
    /** Incremented on every entry into a queue, so stale timers and tickets recognise a finished visit. */
    int visit;
    long offeredAt;
    double waitedSeconds;
    int transfers;
    boolean callback;
    long callbackRequestedAt;
    double callbackDelaySeconds;

    Contact(String id, Customer customer, Channel channel, QueueProfile intent, ContactReason reason,
            String ivrSessionId, int ivrFailures, double patienceSeconds, boolean repeatContact) {
        this.id = id;
        this.customer = customer;
        this.channel = channel;
        this.intent = intent;
        this.reason = reason;
        this.ivrSessionId = ivrSessionId;
        this.ivrFailures = ivrFailures;
        this.patienceSeconds = patienceSeconds;
        this.repeatContact = repeatContact;
    }

    void enter(QueueProfile queue, long now) {
        this.queue = queue;
        this.status = Status.WAITING;
        this.offeredAt = now;
        this.visit++;
    }

    boolean waiting(int visit) {
        return this.visit == visit && status == Status.WAITING;
    }

    /** The waiting line of a queue this contact waits in. */
    WaitingLine line() {
        if (status == Status.CALLBACK_WAITING) {
            return WaitingLine.CALLBACK;
        }
        return switch (channel) {
            case VOICE -> WaitingLine.VOICE;
            case CHAT -> WaitingLine.CHAT;
            default -> WaitingLine.EMAIL;
        };
    }
}
