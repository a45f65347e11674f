package io.vocstream.contactcenter;

import io.vocstream.streams.StateCodec;
import org.apache.kafka.common.serialization.Serde;

/**
 * An IVR session's state in the compact binary form of {@link StateCodec}: the session store is read and written on
 * every IVR event, which made its Smile round trip part of the per-entity state cost in the catch-up profile. Layout:
 * version 1; session id; IVR line; dimensions (channel, region, segment); start time (nullable); last node; last
 * node time; outcome; end time (nullable); contact id; target queue; the counted steps. Every string may be
 * {@code null}.
 */
final class IvrSessionSerde {
    private static final byte VERSION = 1;

    private IvrSessionSerde() {
    }

    static Serde<IvrSession> serde() {
        return StateCodec.serde("IVR session", VERSION, IvrSessionSerde::write, IvrSessionSerde::read);
    }

    private static void write(StateCodec.Writer out, IvrSession s) {
        out.putString(s.sessionId()).putString(s.ivrLine());
        ContactStateSerde.writeDimensions(out, s.dimensions());
        out.putNullable(s.startedMillis(), StateCodec.Writer::putLong)
                .putString(s.lastNode()).putLong(s.lastNodeMillis())
                .putString(s.outcome())
                .putNullable(s.endedMillis(), StateCodec.Writer::putLong)
                .putString(s.contactId()).putString(s.targetQueue())
                .putStrings(s.countedSteps());
    }

    private static IvrSession read(StateCodec.Reader in) {
        return new IvrSession(in.getString(), in.getString(), ContactStateSerde.readDimensions(in),
                in.getNullable(StateCodec.Reader::getLong), in.getString(), in.getLong(), in.getString(),
                in.getNullable(StateCodec.Reader::getLong), in.getString(), in.getString(), in.getStringSet());
    }
}
