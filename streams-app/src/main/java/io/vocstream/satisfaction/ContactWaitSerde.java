package io.vocstream.satisfaction;

import io.vocstream.streams.StateCodec;
import org.apache.kafka.common.serialization.Serde;

/**
 * What a contact's events say about its wait, in the compact binary form of {@link StateCodec}: the store is read
 * and written on every contact event and every response naming a contact, which made its Smile round trip part of
 * the per-entity state cost in the catch-up profile. Layout: version 1; the offer times; the wait ends, each its
 * time and measured seconds (nullable); the linked responses, each its time, its statistics as
 * {@link SatisfactionStatsSerde} writes them (length-prefixed) and its group; the last seen time.
 */
final class ContactWaitSerde {
    private static final byte VERSION = 1;

    private ContactWaitSerde() {
    }

    static Serde<ContactWait> serde() {
        return StateCodec.serde("contact wait", VERSION, ContactWaitSerde::write, ContactWaitSerde::read);
    }

    private static void write(StateCodec.Writer out, ContactWait w) {
        out.putList(w.offeredAt(), StateCodec.Writer::putLong)
                .putList(w.waitEnds(), (o, end) -> o.putLong(end.at())
                        .putNullable(end.measuredSeconds(), StateCodec.Writer::putDouble))
                .putList(w.responses(), (o, r) -> o.putLong(r.at()).putBytes(SatisfactionStatsSerde.write(r.stats()))
                        .putString(r.group()))
                .putLong(w.lastSeenAt());
    }

    private static ContactWait read(StateCodec.Reader in) {
        return new ContactWait(in.getList(StateCodec.Reader::getLong),
                in.getList(i -> new ContactWait.WaitEnd(i.getLong(), i.getNullable(StateCodec.Reader::getDouble))),
                in.getList(i -> new LinkedResponse(i.getLong(), SatisfactionStatsSerde.read(i.getBytes()),
                        i.getString())),
                in.getLong());
    }
}
