package io.vocstream.contactcenter;

import io.vocstream.streams.StateCodec;
import org.apache.kafka.common.serialization.Serde;

/**
 * The contact center's small bucket values (agent work, CSAT counts, repeat contacts) in the compact binary form of
 * {@link StateCodec}: an agent ranking over an hour reads every agent's minute buckets, and as Smile their decoding
 * was a fifth of such a query's time. Each layout is version 1 and the record's components in declaration order.
 */
final class CountSerdes {
    private static final byte VERSION = 1;

    private CountSerdes() {
    }

    static Serde<AgentStats> agentStats() {
        return StateCodec.serde("agent statistics", VERSION,
                (out, s) -> out.putLong(s.answered()).putLong(s.handled()).putLong(s.handledWithTimes())
                        .putDouble(s.handleSeconds()).putLong(s.transfers()),
                in -> new AgentStats(in.getLong(), in.getLong(), in.getLong(), in.getDouble(), in.getLong()));
    }

    static Serde<CsatCounts> csatCounts() {
        return StateCodec.serde("CSAT counts", VERSION,
                (out, c) -> out.putLong(c.one()).putLong(c.two()).putLong(c.three()).putLong(c.four())
                        .putLong(c.five()),
                in -> new CsatCounts(in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong()));
    }

    static Serde<RepeatStats> repeatStats() {
        return StateCodec.serde("repeat-contact statistics", VERSION,
                (out, r) -> out.putLong(r.contacts()).putLong(r.repeats()),
                in -> new RepeatStats(in.getLong(), in.getLong()));
    }
}
