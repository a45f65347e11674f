package io.vocstream.repair;

import io.vocstream.streams.StateCodec;
import org.apache.kafka.common.serialization.Serde;

/**
 * Repair bucket statistics in the compact binary form of {@link StateCodec}. Layout: version 2; the counts and sums
 * in the order of {@link RepairStats}'s components, each a long, the histograms (time to arrive, time to complete,
 * restoration) each as its counts by second in the places of those components. (Version 1 held the interrupted
 * orders by id in place of {@code interruptions}, when an outage's interruption was split over the buckets.)
 */
final class RepairStatsSerde {
    private static final byte VERSION = 2;

    private RepairStatsSerde() {
    }

    static Serde<RepairStats> serde() {
        return StateCodec.serde("repair statistics", VERSION, RepairStatsSerde::write, RepairStatsSerde::read);
    }

    private static void write(StateCodec.Writer out, RepairStats s) {
        out.putLong(s.created()).putLong(s.cancelled()).putLong(s.promised()).putLong(s.onTime());
        writeHistogram(out, s.timeToArrive());
        writeHistogram(out, s.timeToComplete());
        out.putLong(s.closable()).putLong(s.closed()).putLong(s.handedBack()).putLong(s.reopened())
                .putLong(s.outages()).putLong(s.customerMillis()).putLong(s.interruptions());
        writeHistogram(out, s.restoration());
        out.putLong(s.repeatable()).putLong(s.repeats()).putLong(s.returnable()).putLong(s.returned())
                .putLong(s.surveyed()).putLong(s.csatSum()).putLong(s.csatSumSquares()).putLong(s.satisfied())
                .putLong(s.linkedComplaints()).putLong(s.complainable()).putLong(s.complained());
    }

    private static RepairStats read(StateCodec.Reader in) {
        long created = in.getLong();
        long cancelled = in.getLong();
        long promised = in.getLong();
        long onTime = in.getLong();
        DurationHistogram timeToArrive = readHistogram(in);
        DurationHistogram timeToComplete = readHistogram(in);
        long closable = in.getLong();
        long closed = in.getLong();
        long handedBack = in.getLong();
        long reopened = in.getLong();
        long outages = in.getLong();
        long customerMillis = in.getLong();
        long interruptions = in.getLong();
        DurationHistogram restoration = readHistogram(in);
        return new RepairStats(created, cancelled, promised, onTime, timeToArrive, timeToComplete, closable, closed,
                handedBack, reopened, outages, customerMillis, interruptions, restoration, in.getLong(),
                in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(),
                in.getLong(), in.getLong(), in.getLong());
    }

    private static void writeHistogram(StateCodec.Writer out, DurationHistogram histogram) {
        out.putMap(histogram.countsBySecond(), StateCodec.Writer::putLong, StateCodec.Writer::putLong);
    }

    private static DurationHistogram readHistogram(StateCodec.Reader in) {
        return new DurationHistogram(in.getSortedMap(StateCodec.Reader::getLong, StateCodec.Reader::getLong));
    }
}
