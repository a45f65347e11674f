package io.vocstream.complaints;

import io.vocstream.alerts.AlertLifecycle;
import io.vocstream.config.ConfigException;
import io.vocstream.config.Settings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code complaints.*} settings of the KPIs, spike, drift and common-issue alerts; docs/complaints.md lists them
 * with their defaults and reasons. A {@code complaints.*} key that is none of them is refused, so that a misspelt
 * setting does not silently leave the default in force.
 *
 * @param defaultPromise     first-response promise of categories without one of their own
 * @param promises           first-response promise per category ({@code complaints.first-response.promise.<c>})
 * @param customers          customer base per slice key ({@code complaints.customers.region.north=120000} for
 *                           slice {@code region=north}; {@code complaints.customers.all} for the whole base)
 * @param commonIssues       common-issue parameters per category; {@code defaultCommonIssue} for the others
 * @param lifecycleRetention how long a resolved or closed complaint's lifecycle is kept after its last step, and how
 *                           long a complaint id is remembered for telling a resent OPENED from a new complaint
 * @param spike              the spike and drift detector's parameters ({@code complaints.spike.*},
 *                           {@code complaints.drift.*})
 * @param alerting           the alert lifecycle: how long a signal stays clear before its alert resolves, and the
 *                           growth worth an UPDATED message ({@code complaints.alerts.*})
 * @param alertRetention     how long a resolved alert stays in the alert store (for {@code status=recent} and by id)
 */
public record ComplaintSettings(Duration defaultPromise, Map<String, Duration> promises, Map<String, Long> customers,
                                CommonIssueRule defaultCommonIssue, Map<String, CommonIssueRule> commonIssues,
                                Duration lifecycleRetention, SpikeSettings spike, AlertLifecycle alerting,
                                Duration alertRetention) {
    static final String PREFIX = "complaints.";
    static final String PROMISE = "first-response.promise.";
    static final String CUSTOMERS = "customers.";
    static final String COMMON_ISSUE = "common-issue.";
    static final String DEFAULT = "default";
    static final String LIFECYCLE_RETENTION = PREFIX + "lifecycle.retention";
    static final String ALERTS_CLEAR_AFTER = PREFIX + "alerts.clear.after";
    static final String ALERTS_UPDATE_FACTOR = PREFIX + "alerts.update.factor";
    static final String ALERTS_RETENTION = PREFIX + "alerts.retention";
    private static final List<String> COMMON_ISSUE_PARAMETERS = List.of("count", "window");
    /** Two complaints of one customer within this span make the later one a repeat complaint. */
    static final Duration REPEAT_SPAN = Duration.ofDays(30);

    /**
     * K or more complaints of one category in one region (and on one feeder or asset, where given) within
     * {@code window} form a common issue.
     */
    public record CommonIssueRule(int minCount, Duration window) {
        public CommonIssueRule {
            if (minCount < 2 || window.isZero() || window.isNegative()) {
                throw new IllegalArgumentException("a common issue needs at least 2 complaints in a positive window");
            }
        }
    }

    public ComplaintSettings {
        promises = Map.copyOf(promises);
        customers = Map.copyOf(customers);
        commonIssues = Map.copyOf(commonIssues);
    }

    /** Built-in common-issue rules: see docs/complaints.md for the reasons. */
    static Map<String, CommonIssueRule> builtInCommonIssues() {
        return Map.of(
                "outage", new CommonIssueRule(3, Duration.ofMinutes(30)),
                "network_quality", new CommonIssueRule(4, Duration.ofMinutes(60)),
                "billing", new CommonIssueRule(10, Duration.ofHours(24)));
    }

    public static ComplaintSettings defaults() {
        return from(Settings.of(Map.of(), "defaults"));
    }

    /** @throws ConfigException naming the setting that is unknown or whose value is unusable */
    public static ComplaintSettings from(Settings s) {
        requireKnownKeys(s);
        Duration defaultPromise = s.duration(PREFIX + PROMISE + DEFAULT, Duration.ofHours(48));
        Map<String, Duration> promises = new HashMap<>();
        s.withPrefix(PREFIX + PROMISE).keySet().stream().filter(c -> !c.equals(DEFAULT))
                .forEach(category -> promises.put(category, s.duration(PREFIX + PROMISE + category, defaultPromise)));

        Map<String, Long> customers = new HashMap<>();
        s.withPrefix(PREFIX + CUSTOMERS).keySet().forEach(slice -> {
            String key = PREFIX + CUSTOMERS + slice;
            long base = s.parsed(key, 0L, raw -> {
                long n = Long.parseLong(raw);
                if (n <= 0) {
                    throw new IllegalArgumentException("not positive");
                }
                return n;
            }, "a positive number of customers");
            int dot = slice.indexOf('.');
            if (dot < 0 && !slice.equals("all")) {
                throw s.invalid(key, "named complaints.customers.<dimension>.<value> or complaints.customers.all",
                        null);
            }
            customers.put(dot < 0 ? "all=all" : slice.substring(0, dot) + "=" + slice.substring(dot + 1), base);
        });

        CommonIssueRule builtInDefault = new CommonIssueRule(5, Duration.ofHours(2));
        CommonIssueRule defaultRule = commonIssue(s, DEFAULT, builtInDefault);
        Map<String, CommonIssueRule> rules = new HashMap<>();
        builtInCommonIssues().forEach((category, rule) -> rules.put(category, commonIssue(s, category, rule)));
        s.withPrefix(PREFIX + COMMON_ISSUE).keySet().stream()
                .map(k -> k.substring(0, Math.max(0, k.lastIndexOf('.'))))
                .filter(c -> !c.isEmpty() && !c.equals(DEFAULT) && !rules.containsKey(c))
                .forEach(category -> rules.put(category, commonIssue(s, category, defaultRule)));

        AlertLifecycle alerting = new AlertLifecycle(s.duration(ALERTS_CLEAR_AFTER, Duration.ofMinutes(30)),
                SpikeSettings.number(s, ALERTS_UPDATE_FACTOR, 1.5, f -> f > 1 && f <= 100,
                        "a growth factor above 1 and at most 100"));
        return new ComplaintSettings(defaultPromise, promises, customers, defaultRule, rules,
                positive(s, LIFECYCLE_RETENTION, Duration.ofDays(90)), SpikeSettings.from(s), alerting,
                positive(s, ALERTS_RETENTION, Duration.ofDays(7)));
    }

    private static Duration positive(Settings s, String key, Duration defaultValue) {
        return s.parsed(key, defaultValue, raw -> {
            Duration d = Duration.parse(raw);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("not positive");
            }
            return d;
        }, "a positive ISO-8601 duration such as PT30M, PT1H or P7D");
    }

    /** Refuses a {@code complaints.*} key that names no setting, listing the ones there are. */
    private static void requireKnownKeys(Settings s) {
        List<String> fixed = Stream.concat(Stream.of(LIFECYCLE_RETENTION, ALERTS_CLEAR_AFTER, ALERTS_UPDATE_FACTOR,
                ALERTS_RETENTION), SpikeSettings.KEYS.stream()).toList();
        for (String rest : s.withPrefix(PREFIX).keySet()) {
            String key = PREFIX + rest;
            boolean known = fixed.contains(key)
                    || rest.startsWith(PROMISE) && rest.length() > PROMISE.length()
                    || rest.startsWith(CUSTOMERS) && rest.length() > CUSTOMERS.length()
                    || rest.startsWith(COMMON_ISSUE) && isCommonIssueKey(rest.substring(COMMON_ISSUE.length()));
            if (!known) {
                String from = s.value(key).map(v -> " (from " + v.origin() + ")").orElse("");
                throw new ConfigException("unknown setting '" + key + "'" + from + "; the complaints settings are "
                        + PREFIX + PROMISE + "<category>, " + PREFIX + CUSTOMERS + "<dimension>.<value>, "
                        + PREFIX + CUSTOMERS + "all, " + PREFIX + COMMON_ISSUE + "<category>.count, "
                        + PREFIX + COMMON_ISSUE + "<category>.window, " + String.join(", ", fixed) + " (see docs/complaints.md)");
            }
        }
    }

    /** {@code <category>.count} or {@code <category>.window}. */
    private static boolean isCommonIssueKey(String rest) {
        int dot = rest.lastIndexOf('.');
        return dot > 0 && COMMON_ISSUE_PARAMETERS.contains(rest.substring(dot + 1));
    }

    private static CommonIssueRule commonIssue(Settings s, String category, CommonIssueRule fallback) {
        String prefix = PREFIX + COMMON_ISSUE + category + ".";
        return new CommonIssueRule(s.intIn(prefix + "count", fallback.minCount(), 2, 10_000),
                positive(s, prefix + "window", fallback.window()));
    }

    public Duration promiseOf(String category) {
        return promises.getOrDefault(category, defaultPromise);
    }

    public CommonIssueRule commonIssueOf(String category) {
        return commonIssues.getOrDefault(category, defaultCommonIssue);
    }

    /** The configured customer base of a slice, if any. */
    public Optional<Long> customersOf(String sliceKey) {
        return Optional.ofNullable(customers.get(sliceKey));
    }

    /** The longest common-issue window, which bounds how long a member is remembered. */
    Duration longestCommonIssueWindow() {
        return commonIssues.values().stream().map(CommonIssueRule::window)
                .reduce(defaultCommonIssue.window(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }
}
