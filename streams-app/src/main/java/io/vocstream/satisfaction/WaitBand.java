package io.vocstream.satisfaction;

/** Bands of the wait a customer experienced before reaching an agent (or giving up), for linkage. */
public enum WaitBand {
    UNDER_30S("lt30s"),
    FROM_30S_TO_2M("30s-2m"),
    FROM_2M_TO_5M("2m-5m"),
    OVER_5M("gt5m");

    private final String label;

    WaitBand(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The band of a wait: [0, 30 s), [30 s, 120 s), [120 s, 300 s), [300 s, ∞). */
    public static WaitBand of(double seconds) {
        if (seconds < 30) {
            return UNDER_30S;
        }
        if (seconds < 120) {
            return FROM_30S_TO_2M;
        }
        return seconds < 300 ? FROM_2M_TO_5M : OVER_5M;
    }
}
