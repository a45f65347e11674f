package io.vocstream.producers.sim;

/** A 64-bit finaliser (MurmurHash3's fmix64): turns counters and seeds into well-spread bits. */
final class Mix {
    private Mix() {
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
