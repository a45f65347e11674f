package io.vocstream.producers.sim;

import io.vocstream.events.Channel;

/** What happened to a customer at one touchpoint: the facts a survey answer is made of. */
sealed interface Experience {

    /** A contact with the contact center, answered, called back or abandoned. */
    record ContactVisit(Channel channel, double waitSeconds, boolean abandoned, boolean callback,
                        double callbackDelaySeconds, int transfers, boolean resolved, double agentCourtesy,
                        int ivrFailures, boolean repeatContact) implements Experience {
    }

    /** A call finished in the IVR's self-service. */
    record SelfService(int ivrFailures) implements Experience {
    }

    /** A completed work order. */
    record Repair(double lateMinutes, boolean reopened, String completionCode, int visits) implements Experience {
    }

    /** A closed complaint. */
    record ComplaintHandling(boolean firstResponseLate, boolean escalated, boolean appealed, boolean upheld,
                             double daysToResolve, boolean reopened) implements Experience {
    }

    /** An outage the customer lived through and called about. */
    record Outage(double hours, boolean repeated) implements Experience {
    }
}
