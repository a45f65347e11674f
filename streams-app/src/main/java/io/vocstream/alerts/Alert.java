package io.vocstream.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One alert as published on the {@code alerts} topic and served by {@code GET /api/v1/alerts}: what fired
 * ({@code rule}) on which slice of complaints ({@code dimension}), how far the slice is from normal, and where the
 * alert is in its life (OPEN, then UPDATED while it worsens or gains members, then RESOLVED).
 *
 * @param id         stable id: the same dimension, rule and start time always give the same id (replays agree)
 * @param observed   complaints counted by the rule (in its scan window, CUSUM run or common-issue window)
 * @param expected   complaints the baseline expects in the same span
 * @param pValue     P(X >= observed) for X ~ Poisson(expected), after the correction for several scan windows;
 *                   null for rules without a tail probability (CUSUM, common issue)
 * @param score      observed / expected for the Poisson rule, the CUSUM statistic for the drift rule, the member
 *                   count for a common issue
 * @param baseline   how {@code expected} was obtained; says when a fallback rule stood in for the seasonal baseline
 * @param fallback   true when the seasonal baseline had too little history and the documented fallback decided
 * @param quietSince when the signal last dropped to its clearing level while open; null while it is elevated
 * @param memberIds  the complaints behind a common-issue alert (empty for other rules)
 */
public record Alert(String id, String dimension, String rule, Status status, Severity severity, long observed,
                    double expected, Double pValue, double score, String baseline, boolean fallback,
                    Instant startTime, Instant updateTime, Instant resolvedTime, Instant quietSince,
                    List<String> memberIds) {

    public enum Status { OPEN, UPDATED, RESOLVED }

    public enum Severity { WARNING, CRITICAL }

    public Alert {
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
    }

    /** The record key on the alerts topic: at most one alert per key is open at a time. */
    public String key() {
        return key(dimension, rule);
    }

    public static String key(String dimension, String rule) {
        return dimension + "|" + rule;
    }

    public boolean isOpen() {
        return status != Status.RESOLVED;
    }

    static String idOf(String dimension, String rule, Instant start) {
        return UUID.nameUUIDFromBytes((key(dimension, rule) + "|" + start.toEpochMilli())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
