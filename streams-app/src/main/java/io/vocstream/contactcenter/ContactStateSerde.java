package io.vocstream.contactcenter;

import io.vocstream.streams.StateCodec;
import org.apache.kafka.common.serialization.Serde;

/**
 * A contact's state in the compact binary form of {@link StateCodec}: the contact store is read and written on every
 * contact event, and this state's Smile round trip was the largest of the per-entity states in the catch-up
 * profile. Layout: version 1; the offers, each its queue and time; the offer waiting now (nullable); the last leave
 * time; the counted steps; the dimensions (channel, region, segment, each nullable); the last event time; the
 * answers, each its queue and time.
 */
final class ContactStateSerde {
    private static final byte VERSION = 1;

    private ContactStateSerde() {
    }

    static Serde<ContactState> serde() {
        return StateCodec.serde("contact state", VERSION, ContactStateSerde::write, ContactStateSerde::read);
    }

    private static void write(StateCodec.Writer out, ContactState s) {
        out.putList(s.offers(), ContactStateSerde::writeOffer)
                .putNullable(s.waiting(), ContactStateSerde::writeOffer)
                .putLong(s.lastLeaveMillis())
                .putStrings(s.countedSteps());
        writeDimensions(out, s.dimensions());
        out.putLong(s.lastEventMillis())
                .putList(s.answers(), (o, a) -> o.putString(a.queue()).putLong(a.atMillis()));
    }

    private static ContactState read(StateCodec.Reader in) {
        return new ContactState(in.getList(ContactStateSerde::readOffer), in.getNullable(ContactStateSerde::readOffer),
                in.getLong(), in.getStringSet(), readDimensions(in), in.getLong(),
                in.getList(i -> new ContactState.Answer(i.getString(), i.getLong())));
    }

    private static void writeOffer(StateCodec.Writer out, ContactState.Offer offer) {
        out.putString(offer.queue()).putLong(offer.atMillis());
    }

    private static ContactState.Offer readOffer(StateCodec.Reader in) {
        return new ContactState.Offer(in.getString(), in.getLong());
    }

    /** Dimensions as contact and IVR session states hold them: never {@code null} themselves, any value may be. */
    static void writeDimensions(StateCodec.Writer out, Dimensions d) {
        out.putString(d.channel()).putString(d.region()).putString(d.segment());
    }

    static Dimensions readDimensions(StateCodec.Reader in) {
        return new Dimensions(in.getString(), in.getString(), in.getString());
    }
}
