package io.vocstream.producers.sim;

import java.util.UUID;

/**
 * Identifiers of one run. Event ids are UUID-shaped and entity ids carry a short run tag, both derived from the seed
 * and the start time: the same settings give the same ids, while a run started at another time (a REALTIME demo
 * restarted) never repeats an id that de-duplication would drop.
 */
final class Ids {
    private static final long MASK_62 = (1L << 62) - 1;

    private final long runHigh;
    private final long runLow;
    private final String runTag;
    private long events;
    private long entities;

    Ids(long seed, long startMillis) {
        long salt = Mix.mix64(seed ^ Mix.mix64(startMillis));
        this.runHigh = (salt & ~0xF000L) | 0x4000L; // version 4 layout
        this.runLow = Mix.mix64(salt);
        long sixDigits = 2_176_782_336L; // 36^6: a leading 1 digit is added and dropped to keep leading zeros
        this.runTag = Long.toString(Long.remainderUnsigned(salt, sixDigits) + sixDigits, 36).substring(1);
    }

    /** A new event id, unique within the run: an odd multiplier plus an offset is a bijection on 62 bits. */
    String eventId() {
        long n = events++ * 0x9E3779B97F4A7C15L + runLow & MASK_62;
        n ^= n >>> 29;
        return new UUID(runHigh, n | 0x8000_0000_0000_0000L).toString();
    }

    /** A new entity id such as {@code ct-k2x9f0-1a3}. */
    String entityId(String prefix) {
        return prefix + '-' + runTag + '-' + Long.toString(entities++, 36);
    }
}
