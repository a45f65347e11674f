package io.vocstream.contactcenter;

import io.vocstream.streams.StateCodec;
import org.apache.kafka.common.serialization.Serde;

/**
 * Who handled a contact, in the compact binary form of {@link StateCodec}: the store is read and written on every
 * answer or completion naming an agent and on every survey naming only a contact. Layout: version 1; the latest
 * answer and the latest completion (each nullable: agent id, time); the surveys, each its time, CSAT answer and the
 * agent it is credited to (nullable); the last seen time.
 */
final class HandledContactSerde {
    private static final byte VERSION = 1;

    private HandledContactSerde() {
    }

    static Serde<HandledContact> serde() {
        return StateCodec.serde("handled contact", VERSION, HandledContactSerde::write, HandledContactSerde::read);
    }

    private static void write(StateCodec.Writer out, HandledContact c) {
        out.putNullable(c.answered(), HandledContactSerde::writeStep)
                .putNullable(c.completed(), HandledContactSerde::writeStep)
                .putList(c.surveys(), (o, s) -> o.putLong(s.atMillis()).putInt(s.csat()).putString(s.creditedTo()))
                .putLong(c.lastSeenMillis());
    }

    private static HandledContact read(StateCodec.Reader in) {
        return new HandledContact(in.getNullable(HandledContactSerde::readStep),
                in.getNullable(HandledContactSerde::readStep),
                in.getList(i -> new HandledContact.LinkedSurvey(i.getLong(), i.getInt(), i.getString())),
                in.getLong());
    }

    private static void writeStep(StateCodec.Writer out, HandledContact.AgentStep step) {
        out.putString(step.agentId()).putLong(step.atMillis());
    }

    private static HandledContact.AgentStep readStep(StateCodec.Reader in) {
        return new HandledContact.AgentStep(in.getString(), in.getLong());
    }
}
