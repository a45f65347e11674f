package io.vocstream.contactcenter;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a queue's service level divides by. The numerator is always the contacts answered within the threshold T;
 * the formulas differ in whether callers who gave up count against the queue.
 */
public enum ServiceLevelFormula {
    /** answered within T / answered: abandons do not count. */
    ANSWERED("answered", "answered within T / answered"),
    /** answered within T / (answered + abandoned): every abandon counts against the queue. */
    ANSWERED_AND_ABANDONED("answered+abandoned", "answered within T / (answered + abandoned)"),
    /** answered within T / (answered + abandoned - short abandons): callers who hung up at once do not count. */
    ANSWERED_AND_LONG_ABANDONED("answered+abandoned-short",
            "answered within T / (answered + abandoned - short abandons)");

    private final String label;
    private final String text;

    ServiceLevelFormula(String label, String text) {
        this.label = label;
        this.text = text;
    }

    /** The name used in settings and in answers, e.g. {@code answered+abandoned}. */
    public String label() {
        return label;
    }

    /** The formula written out, as answers and documentation show it. */
    public String text() {
        return text;
    }

    /** The denominator of this formula, from counts of contacts whose wait is known. */
    long denominator(long answered, long abandoned, long shortAbandons) {
        return switch (this) {
            case ANSWERED -> answered;
            case ANSWERED_AND_ABANDONED -> answered + abandoned;
            case ANSWERED_AND_LONG_ABANDONED -> answered + abandoned - shortAbandons;
        };
    }

    public static ServiceLevelFormula parse(String raw) {
        for (ServiceLevelFormula f : values()) {
            if (f.label.equals(raw)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown service-level formula '" + raw + "', expected one of "
                + Arrays.stream(values()).map(ServiceLevelFormula::label).collect(Collectors.joining(", ")));
    }
}
