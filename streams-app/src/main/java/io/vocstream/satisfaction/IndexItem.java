package io.vocstream.satisfaction;

/**
 * The items of the 0–100 satisfaction index. An item on a scale lo..hi maps to {@code (x − lo)/(hi − lo)·100}
 * (for a 1..k scale, {@code (x − 1)/(k − 1)·100}); customer effort is reversed, low effort scoring high.
 */
public enum IndexItem {
    /** CSAT 1..5. */
    CSAT("csat"),
    /** Likelihood to recommend 0..10. */
    NPS("nps"),
    /** Customer effort 1..7, reversed: {@code (7 − x)/6·100}. */
    CES("ces"),
    /** The response's perceived indicator levels, each on its 1..scaleMax scale, weighted by the personal weights. */
    INDICATORS("indicators");

    private final String key;

    IndexItem(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static IndexItem ofKey(String key) {
        for (IndexItem item : values()) {
            if (item.key.equals(key)) {
                return item;
            }
        }
        throw new IllegalArgumentException("unknown index item '" + key + "' (known: csat, nps, ces, indicators)");
    }

    /** {@code x} on the scale lo..hi as 0–100. */
    static double toHundred(double x, double lo, double hi) {
        return (x - lo) / (hi - lo) * 100;
    }
}
