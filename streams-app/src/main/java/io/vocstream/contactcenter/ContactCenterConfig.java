package io.vocstream.contactcenter;

import io.vocstream.config.AppConfig;
import io.vocstream.config.Settings;
import io.vocstream.time.BucketSize;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The contact center's settings (prefix {@code contactcenter.}), documented in docs/contactcenter.md.
 *
 * @param retention     how long per-minute queue and agent buckets are kept (covers "today" and the rolling day)
 * @param waitingExpiry a contact still waiting after this long with no further event is dropped from "now"
 * @param agentExpiry   an agent with no event for this long is dropped from "now"
 * @param contactExpiry how long (in event time) a contact's state is kept after its last event
 * @param repeatWindow  a contact is a repeat when the customer's previous contact began at most this long before
 * @param surveyLinkMemory how long (in event time) after a contact's latest handling step or survey its handling
 *                      agent and its surveys are kept, to credit surveys naming only the contact
 * @param topAgents     most agents listed in a ranking
 * @param zone          the zone "today" and the aligned intervals follow (the application's {@code time.zone}),
 *                      for queues and IVR lines without their own, and agents
 * @param queueZones    queues whose day and intervals follow a zone of their own
 * @param ivrZones      IVR lines whose day and intervals follow a zone of their own
 */
public record ContactCenterConfig(ServiceLevelRules rules, Duration retention, Duration waitingExpiry,
                                  Duration agentExpiry, Duration contactExpiry, Duration repeatWindow,
                                  Duration surveyLinkMemory, int topAgents, ZoneId zone,
                                  Map<String, ZoneId> queueZones, Map<String, ZoneId> ivrZones) {
    public static final String PREFIX = "contactcenter.";
    public static final String SERVICE_LEVEL = PREFIX + "service-level.";
    public static final String SERVICE_LEVEL_DEFAULT = SERVICE_LEVEL + "default";
    public static final String RETENTION = PREFIX + "retention";
    public static final String WAITING_EXPIRY = PREFIX + "waiting-expiry";
    public static final String AGENT_EXPIRY = PREFIX + "agent-expiry";
    public static final String CONTACT_EXPIRY = PREFIX + "contact-expiry";
    public static final String REPEAT_WINDOW = PREFIX + "repeat-window";
    public static final String SURVEY_LINK_MEMORY = PREFIX + "survey-link-memory";
    public static final String TOP_AGENTS = PREFIX + "agents.top";
    public static final String TIME_ZONE = PREFIX + "time-zone.";
    public static final String IVR_TIME_ZONE = PREFIX + "ivr.time-zone.";

    public static ContactCenterConfig from(AppConfig app) {
        Settings s = app.settings();
        Map<String, String> queueRules = new LinkedHashMap<>(s.withPrefix(SERVICE_LEVEL));
        queueRules.remove("default");
        Map<String, String> queueSpecs = new LinkedHashMap<>();
        queueRules.forEach((queue, spec) -> queueSpecs.put(queue, s.parsed(SERVICE_LEVEL + queue, spec,
                raw -> { ServiceLevelRules.versions(queue, raw); return raw; }, RULE_EXPECTED)));
        String defaultSpec = s.parsed(SERVICE_LEVEL_DEFAULT, ServiceLevelRules.BUILT_IN_DEFAULT,
                raw -> { ServiceLevelRules.versions("default", raw); return raw; }, RULE_EXPECTED);
        Duration retention = duration(s, RETENTION, Duration.ofDays(2));
        if (retention.compareTo(Duration.ofDays(1).plus(app.eventsGrace())) < 0) {
            throw s.invalid(RETENTION, "at least a day plus the grace period (" + app.eventsGrace() + ")",
                    "the rolling 24 h and today windows need that much");
        }
        return new ContactCenterConfig(ServiceLevelRules.of(defaultSpec, queueSpecs), retention,
                duration(s, WAITING_EXPIRY, Duration.ofHours(4)), duration(s, AGENT_EXPIRY, Duration.ofHours(12)),
                duration(s, CONTACT_EXPIRY, Duration.ofDays(1)), duration(s, REPEAT_WINDOW, Duration.ofDays(7)),
                duration(s, SURVEY_LINK_MEMORY, Duration.ofDays(7)), s.intIn(TOP_AGENTS, 20, 1, 1000),
                app.timeZone(), zones(s, TIME_ZONE, app.timeZone()), zones(s, IVR_TIME_ZONE, app.timeZone()));
    }

    /** How long buckets of {@code size} are kept: minutes as configured, quarter hours the rolling week and a day. */
    public Duration retention(BucketSize size, Duration grace) {
        return size == BucketSize.MINUTE ? retention : Duration.ofDays(8).plus(grace);
    }

    /** Whether a setting names {@code queue}: a service-level rule or a time zone of its own. */
    public boolean declares(String queue) {
        return rules.declared().containsKey(queue) || queueZones.containsKey(queue);
    }

    /** The zone of {@code queue}'s day and aligned intervals. */
    public ZoneId zoneOf(String queue) {
        return queueZones.getOrDefault(queue, zone);
    }

    /** The zone of IVR line {@code line}'s day and aligned intervals. */
    public ZoneId ivrZoneOf(String line) {
        return ivrZones.getOrDefault(line, zone);
    }

    /** The zones set under {@code prefix}, by the name that follows it (a queue, an IVR line). */
    private static Map<String, ZoneId> zones(Settings s, String prefix, ZoneId defaultZone) {
        Map<String, ZoneId> zones = new TreeMap<>();
        s.withPrefix(prefix).keySet().forEach(name -> zones.put(name, s.parsed(prefix + name, defaultZone,
                ZoneId::of, "a time-zone id such as Europe/London or UTC")));
        return Map.copyOf(zones);
    }

    private static final String RULE_EXPECTED = "service-level rule versions separated by ';', each "
            + "'[from=<instant>] threshold=<seconds>s formula=answered|answered+abandoned|answered+abandoned-short "
            + "[short-abandon=<seconds>s] [target=<percent>%]'";

    private static Duration duration(Settings s, String key, Duration defaultValue) {
        return s.parsed(key, defaultValue, raw -> {
            Duration d = Duration.parse(raw);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("must be positive");
            }
            return d;
        }, "a positive ISO-8601 duration such as PT4H");
    }
}
