package io.vocstream.contactcenter;

import io.vocstream.streams.StateCodec;
import org.apache.kafka.common.serialization.Serde;

/**
 * A contact waiting in a queue, in the compact binary form of {@link StateCodec}: the waiting store is written on
 * nearly every offer, answer and abandonment. Layout: version 1; the queue; the entry time; the dimensions as
 * {@link ContactStateSerde} writes them.
 */
final class WaitingSerde {
    private static final byte VERSION = 1;

    private WaitingSerde() {
    }

    static Serde<ContactCenterTopology.Waiting> serde() {
        return StateCodec.serde("waiting contact", VERSION, WaitingSerde::write, WaitingSerde::read);
    }

    private static void write(StateCodec.Writer out, ContactCenterTopology.Waiting w) {
        out.putString(w.queue()).putLong(w.sinceMillis());
        ContactStateSerde.writeDimensions(out, w.dimensions());
    }

    private static ContactCenterTopology.Waiting read(StateCodec.Reader in) {
        return new ContactCenterTopology.Waiting(in.getString(), in.getLong(), ContactStateSerde.readDimensions(in));
    }
}
