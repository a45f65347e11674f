package io.vocstream.producers.sim;

/** Kinds of field work a contact can lead to, each with its urgency. */
enum RepairKind {
    NONE(false), FAULT(false), NO_SUPPLY(true), METER_CHECK(false), CONNECTION(false);

    private final boolean urgent;

    RepairKind(boolean urgent) {
        this.urgent = urgent;
    }

    /** Urgent work is dispatched at once with a same-day window; the rest gets an appointment. */
    boolean urgent() {
        return urgent;
    }
}
