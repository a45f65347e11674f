package io.vocstream.producers.sim;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Something injected into the simulated world at an offset from the start, for a while. Written on the command line
 * as {@code outage:region=north,at=PT10M,for=PT20M} or {@code agent-shortage:queue=billing,at=PT1H,for=PT1H}.
 */
public sealed interface Scenario permits Scenario.Outage, Scenario.AgentShortage {
    Duration DEFAULT_OUTAGE_DURATION = Duration.ofMinutes(20);
    double DEFAULT_OUTAGE_FACTOR = 8;
    Duration DEFAULT_SHORTAGE_DURATION = Duration.ofHours(1);
    double DEFAULT_SHORTAGE_LOST = 0.5;

    /** Offset from the simulation start. */
    Duration at();

    /** How long it lasts. */
    Duration duration();

    /**
     * A major outage in {@code region}: several feeders go dark at once, and while it lasts the region's
     * outage-related contacts, outage work orders and outage complaints arrive {@code factor} times as often.
     */
    record Outage(String region, Duration at, Duration duration, double factor) implements Scenario {
        public Outage {
            requireValid(at, duration);
            if (!(factor >= 1)) {
                throw new IllegalArgumentException("outage factor must be at least 1, not " + factor);
            }
        }
    }

    /**
     * A queue loses share {@code lost} of its agents (they log out) for a while; waits, abandons and complaints
     * follow from the queueing, nothing else is changed.
     */
    record AgentShortage(String queue, Duration at, Duration duration, double lost) implements Scenario {
        public AgentShortage {
            requireValid(at, duration);
            if (!(lost > 0 && lost < 1)) {
                throw new IllegalArgumentException("agent-shortage lost share must be between 0 and 1, not " + lost);
            }
        }
    }

    static Outage outage(String region, Duration at) {
        return new Outage(region, at, DEFAULT_OUTAGE_DURATION, DEFAULT_OUTAGE_FACTOR);
    }

    static AgentShortage agentShortage(String queue, Duration at) {
        return new AgentShortage(queue, at, DEFAULT_SHORTAGE_DURATION, DEFAULT_SHORTAGE_LOST);
    }

    /**
     * Parses {@code kind:key=value,...}: {@code outage} (region, at, for, factor) or {@code agent-shortage} (queue,
     * at, for, lost). Durations are ISO-8601 ({@code PT10M}) or short ({@code 90s}, {@code 10m}, {@code 2h}).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static Scenario parse(String spec) {
        int colon = spec.indexOf(':');
        String kind = (colon < 0 ? spec : spec.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        Map<String, String> options = options(colon < 0 ? "" : spec.substring(colon + 1), spec);
        try {
            return switch (kind) {
                case "outage" -> {
                    requireOnly(options, Set.of("region", "at", "for", "factor"), kind);
                    yield new Outage(required(options, "region", kind), duration(options, "at", Duration.ZERO),
                            duration(options, "for", DEFAULT_OUTAGE_DURATION),
                            number(options, "factor", DEFAULT_OUTAGE_FACTOR));
                }
                case "agent-shortage" -> {
                    requireOnly(options, Set.of("queue", "at", "for", "lost"), kind);
                    yield new AgentShortage(required(options, "queue", kind), duration(options, "at", Duration.ZERO),
                            duration(options, "for", DEFAULT_SHORTAGE_DURATION),
                            number(options, "lost", DEFAULT_SHORTAGE_LOST));
                }
                default -> throw new IllegalArgumentException(
                        "unknown scenario '" + kind + "'; known: outage, agent-shortage");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scenario '" + spec + "': " + e.getMessage(), e);
        }
    }

    private static Map<String, String> options(String text, String spec) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("scenario '" + spec + "': expected key=value, got '" + part + "'");
            }
            options.put(part.substring(0, eq).trim().toLowerCase(Locale.ROOT), part.substring(eq + 1).trim());
        }
        return options;
    }

    private static void requireOnly(Map<String, String> options, Set<String> known, String kind) {
        for (String key : options.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown " + kind + " option '" + key + "'; known: "
                        + known.stream().sorted().toList());
            }
        }
    }

    private static String required(Map<String, String> options, String key, String kind) {
        String value = options.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(kind + " needs " + key + "=...");
        }
        return value;
    }

    private static Duration duration(Map<String, String> options, String key, Duration fallback) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    private static double number(Map<String, String> options, String key, double fallback) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a number", e);
        }
    }

    private static void requireValid(Duration at, Duration duration) {
        if (at == null || at.isNegative()) {
            throw new IllegalArgumentException("at must be zero or positive, not " + at);
        }
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("for must be positive, not " + duration);
        }
    }
}
