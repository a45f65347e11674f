package io.vocstream.producers.sim;

/** Why a customer gets in touch, which shapes patience, self-service and what the contact leads to. */
enum ContactReason {
    /** A new request. */
    NEW,
    /** The last contact did not resolve the matter. */
    REPEAT,
    /** The customer hung up waiting and tries again. */
    RETRY,
    /** The customer's supply is down in a known feeder outage; the outage order already exists. */
    OUTAGE,
    /** Field work went wrong (fault again, nobody home): the contact books a new work order. */
    REPAIR_FOLLOW_UP;

    boolean repeat() {
        return this != NEW && this != OUTAGE;
    }
}
