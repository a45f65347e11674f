package io.vocstream.alerts;

import java.util.List;

/**
 * What one rule says about one dimension at one moment. The levels form a hysteresis band: WARNING and CRITICAL
 * open (or keep) an alert, ELEVATED neither opens one nor lets an open one start clearing, CLEAR lets it clear.
 */
public record Signal(Level level, long observed, double expected, Double pValue, double score, String baseline,
                     boolean fallback, List<String> memberIds) {

    public enum Level {
        CLEAR, ELEVATED, WARNING, CRITICAL;

        boolean fires() {
            return this == WARNING || this == CRITICAL;
        }

        Alert.Severity severity() {
            return this == CRITICAL ? Alert.Severity.CRITICAL : Alert.Severity.WARNING;
        }
    }

    public Signal {
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
    }
}
