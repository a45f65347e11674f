package io.vocstream.contactcenter;

import io.vocstream.events.AgentState;
import io.vocstream.streams.StateCodec;
import org.apache.kafka.common.serialization.Serde;

/**
 * An agent's current state in the compact binary form of {@link StateCodec}: the agent store is read and written on
 * every agent event, which made its Smile round trip part of the per-entity state cost in the catch-up profile.
 * Layout: version 1; agent id; the state by name (a reordered or extended {@link AgentState} keeps its meaning);
 * the queues; the time of the state change; the contact being handled (nullable).
 */
final class AgentNowSerde {
    private static final byte VERSION = 1;

    private AgentNowSerde() {
    }

    static Serde<AgentNow> serde() {
        return StateCodec.serde("agent state", VERSION, AgentNowSerde::write, AgentNowSerde::read);
    }

    private static void write(StateCodec.Writer out, AgentNow a) {
        out.putString(a.agentId()).putEnum(a.state()).putStrings(a.queues()).putLong(a.sinceMillis())
                .putString(a.contactId());
    }

    private static AgentNow read(StateCodec.Reader in) {
        return new AgentNow(in.getString(), in.getEnum(AgentState.class), in.getStringList(), in.getLong(),
                in.getString());
    }
}
