package io.vocstream.contactcenter;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One version of a queue's service-level rule: the threshold T, the formula, the wait under which an abandon is a
 * short abandon, and the target shown beside the figure.
 *
 * @param version        1 for the first version declared for the queue, counting up
 * @param effectiveFrom  event time from which this version applies ({@link Instant#MIN} for the first version)
 * @param targetPercent  the share the queue aims for, e.g. 80 in "80/20"; {@code null} if none is declared
 */
public record ServiceLevelRule(String queue, int version, Instant effectiveFrom, int thresholdSeconds,
                               ServiceLevelFormula formula, int shortAbandonSeconds, Double targetPercent) {
    private static final Set<String> KEYS = Set.of("from", "threshold", "formula", "short-abandon", "target");

    public ServiceLevelRule {
        if (thresholdSeconds < 0 || thresholdSeconds > WaitHistogram.CAP_SECONDS) {
            throw new IllegalArgumentException("threshold must be between 0 and " + WaitHistogram.CAP_SECONDS
                    + " seconds, got " + thresholdSeconds);
        }
        if (shortAbandonSeconds < 0 || shortAbandonSeconds > WaitHistogram.CAP_SECONDS) {
            throw new IllegalArgumentException("short-abandon must be between 0 and " + WaitHistogram.CAP_SECONDS
                    + " seconds, got " + shortAbandonSeconds);
        }
        if (targetPercent != null && (targetPercent < 0 || targetPercent > 100)) {
            throw new IllegalArgumentException("target must be a percentage between 0 and 100, got " + targetPercent);
        }
    }

    /** The same rule applied to another queue (a default rule for a queue that declares none). */
    ServiceLevelRule forQueue(String name) {
        return new ServiceLevelRule(name, version, effectiveFrom, thresholdSeconds, formula, shortAbandonSeconds,
                targetPercent);
    }

    /**
     * Parses one version, written as space-separated {@code key=value} pairs:
     * {@code [from=2026-03-01T00:00:00Z] threshold=20s formula=answered [short-abandon=5s] [target=80%]}.
     */
    static ServiceLevelRule parse(String queue, int version, String spec) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String token : spec.trim().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + token + "' is not key=value");
            }
            String key = token.substring(0, eq);
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "', expected one of " + KEYS);
            }
            if (fields.put(key, token.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("'" + key + "' is given twice");
            }
        }
        if (!fields.containsKey("threshold") || !fields.containsKey("formula")) {
            throw new IllegalArgumentException("threshold and formula are required, e.g. 'threshold=20s formula=answered'");
        }
        Instant from = fields.containsKey("from") ? Instant.parse(fields.get("from")) : Instant.MIN;
        String target = fields.get("target");
        return new ServiceLevelRule(queue, version, from, seconds("threshold", fields.get("threshold")),
                ServiceLevelFormula.parse(fields.get("formula")),
                fields.containsKey("short-abandon") ? seconds("short-abandon", fields.get("short-abandon")) : 0,
                target == null ? null : Double.valueOf(target.endsWith("%")
                        ? target.substring(0, target.length() - 1) : target));
    }

    private static int seconds(String key, String raw) {
        String digits = raw.endsWith("s") ? raw.substring(0, raw.length() - 1) : raw;
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be whole seconds such as 20s, got '" + raw + "'");
        }
    }
}
