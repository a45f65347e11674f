package io.vocstream.contactcenter;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Queue bucket statistics in a compact binary form: the queue buckets are the most written state of the application
 * (every contact event adds to each of its slices at both bucket sizes, read, merged and written once per commit),
 * and a busy bucket's wait histograms made Jackson, even as Smile, cost some thirty times an Avro decode of the event
 * (ContactCenterHotPaths). Layout, big-endian: version byte; offered, answered, abandoned, transfers out, callbacks
 * requested and completed, handled; the answered waits (histogram, then Σ seconds), the abandoned waits (histogram,
 * then Σ seconds); callback waits and their Σ seconds; the longest wait; handled legs with times; Σ talk, hold and
 * wrap-up seconds. A histogram is its length, then per second occurred the second (int) and the count (long).
 */
final class QueueStatsSerde {
    private static final byte VERSION = 1;

    private QueueStatsSerde() {
    }

    static Serde<QueueStats> serde() {
        Serializer<QueueStats> serializer = (topic, stats) -> stats == null ? null : write(stats);
        Deserializer<QueueStats> deserializer = (topic, bytes) -> bytes == null ? null : read(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    static byte[] write(QueueStats s) {
        int size = 1 + 7 * Long.BYTES + 2 * Double.BYTES + Long.BYTES + 2 * Double.BYTES + Long.BYTES
                + 3 * Double.BYTES + size(s.answeredWaits()) + size(s.abandonedWaits());
        ByteBuffer out = ByteBuffer.allocate(size).put(VERSION)
                .putLong(s.offered()).putLong(s.answered()).putLong(s.abandoned()).putLong(s.transfersOut())
                .putLong(s.callbacksRequested()).putLong(s.callbacksCompleted()).putLong(s.handled());
        put(out, s.answeredWaits());
        out.putDouble(s.answeredWaitSeconds());
        put(out, s.abandonedWaits());
        return out.putDouble(s.abandonedWaitSeconds())
                .putLong(s.callbackWaits()).putDouble(s.callbackWaitSeconds()).putDouble(s.maxWaitSeconds())
                .putLong(s.handledWithTimes()).putDouble(s.talkSeconds()).putDouble(s.holdSeconds())
                .putDouble(s.wrapUpSeconds()).array();
    }

    static QueueStats read(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte version = in.get();
            if (version != VERSION) {
                throw new SerializationException("queue statistics of unknown version " + version);
            }
            long offered = in.getLong();
            long answered = in.getLong();
            long abandoned = in.getLong();
            long transfersOut = in.getLong();
            long callbacksRequested = in.getLong();
            long callbacksCompleted = in.getLong();
            long handled = in.getLong();
            WaitHistogram answeredWaits = histogram(in);
            double answeredWaitSeconds = in.getDouble();
            WaitHistogram abandonedWaits = histogram(in);
            return new QueueStats(offered, answered, abandoned, transfersOut, callbacksRequested, callbacksCompleted,
                    handled, answeredWaits, answeredWaitSeconds, abandonedWaits, in.getDouble(), in.getLong(),
                    in.getDouble(), in.getDouble(), in.getLong(), in.getDouble(), in.getDouble(), in.getDouble());
        } catch (BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException e) {
            throw new SerializationException("truncated or corrupt queue statistics (" + bytes.length + " bytes)", e);
        }
    }

    private static int size(WaitHistogram h) {
        return Integer.BYTES + h.seconds().length * (Integer.BYTES + Long.BYTES);
    }

    private static void put(ByteBuffer out, WaitHistogram h) {
        out.putInt(h.seconds().length);
        for (int i = 0; i < h.seconds().length; i++) {
            out.putInt(h.seconds()[i]).putLong(h.counts()[i]);
        }
    }

    private static WaitHistogram histogram(ByteBuffer in) {
        int n = in.getInt();
        int[] seconds = new int[n];
        long[] counts = new long[n];
        for (int i = 0; i < n; i++) {
            seconds[i] = in.getInt();
            counts[i] = in.getLong();
        }
        return new WaitHistogram(seconds, counts);
    }
}
