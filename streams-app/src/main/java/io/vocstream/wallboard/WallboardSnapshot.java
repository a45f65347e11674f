package io.vocstream.wallboard;

import java.time.Instant;
import java.util.List;

/**
 * Everything one board shows at one moment, as pushed to the page; the figures are the {@code /api/v1} answers named
 * in each part, and the OpenAPI fragment {@code openapi/wallboard.json} defines each field.
 *
 * @param queues        whole queues over the rolling 15 minutes, by name
 * @param alerts        open complaint alerts, critical before warning, the most recently updated first
 * @param journey       the dive curve today: satisfaction per touchpoint in journey order
 * @param topCategories complaint categories by complaints opened today, most first (at most {@value #TOP_CATEGORIES})
 */
public record WallboardSnapshot(WallboardFilter filter, Freshness freshness, List<QueueTile> queues,
                                Satisfaction satisfaction, Complaints complaints, List<AlertLine> alerts,
                                List<JourneyPoint> journey, List<CategoryCount> topCategories, Options options) {
    public static final int TOP_CATEGORIES = 5;

    /**
     * One queue now and over the rolling 15 minutes.
     *
     * @param longestWaitSeconds  the API's figure rounded to whole seconds; {@code null} when nobody waits
     * @param serviceLevelStatus  {@code met}, {@code near} or {@code missed} against the target; {@code null} without
     *                            a service level or a target
     */
    public record QueueTile(String queue, long waiting, Long longestWaitSeconds, Double serviceLevel,
                            long serviceLevelN, int serviceLevelThresholdSeconds, Double serviceLevelTarget,
                            String serviceLevelStatus) {
        /** How far below its target a service level is still "near" it. */
        public static final double NEAR_TARGET = 0.05;

        static String status(Double serviceLevel, Double target) {
            if (serviceLevel == null || target == null) {
                return null;
            }
            return serviceLevel >= target ? "met" : serviceLevel >= target - NEAR_TARGET ? "near" : "missed";
        }
    }

    /** The satisfaction index of the filter's slice today, and per hour of today. */
    public record Satisfaction(Double index, long indexN, Double indexLow, Double indexHigh, List<IndexPoint> today) {
    }

    /** The index over one hour starting at {@code time}. */
    public record IndexPoint(Instant time, Double index, long indexN) {
    }

    /** Complaints opened today in the filter's slice, and per 1,000 answered contacts. */
    public record Complaints(long opened, long answeredContacts, Double complaintsPer1000Contacts) {
    }

    public record AlertLine(String id, String severity, String status, String rule, String dimension, long observed,
                            double expected, Instant startTime, Instant updateTime) {
    }

    public record JourneyPoint(String touchpoint, Double index, long indexN, Double changeFromPrevious,
                               boolean dive) {
    }

    public record CategoryCount(String category, long opened) {
    }

    /** What the filter can be set to: regions seen today in surveys or complaints, and every queue. */
    public record Options(List<String> regions, List<String> queues) {
    }
}
