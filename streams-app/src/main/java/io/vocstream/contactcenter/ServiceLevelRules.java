package io.vocstream.contactcenter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every queue's service-level rule as declared data, with its history: a change is a new version with the event
 * time from which it applies, so an interval is always judged by the version in force when it opened and a
 * change never rewrites an interval already closed. Queues that declare nothing follow the default rule.
 */
public final class ServiceLevelRules {
    /** The classic 80/20 answered-within-20-seconds rule, short abandons of up to 5 seconds counted apart. */
    public static final String BUILT_IN_DEFAULT = "threshold=20s formula=answered short-abandon=5s target=80%";
    static final String DEFAULT_QUEUE = "default";

    private final List<ServiceLevelRule> defaultVersions;
    private final Map<String, List<ServiceLevelRule>> versionsByQueue;

    private ServiceLevelRules(List<ServiceLevelRule> defaultVersions, Map<String, List<ServiceLevelRule>> byQueue) {
        this.defaultVersions = defaultVersions;
        this.versionsByQueue = byQueue;
    }

    /**
     * @param defaultSpec versions of the default rule, separated by {@code ;}
     * @param queueSpecs  per queue, its versions separated by {@code ;}, each later one starting with
     *                    {@code from=<instant>} after the one before
     */
    public static ServiceLevelRules of(String defaultSpec, Map<String, String> queueSpecs) {
        Map<String, List<ServiceLevelRule>> byQueue = new TreeMap<>();
        queueSpecs.forEach((queue, spec) -> byQueue.put(queue, versions(queue, spec)));
        return new ServiceLevelRules(versions(DEFAULT_QUEUE, defaultSpec), byQueue);
    }

    static List<ServiceLevelRule> versions(String queue, String spec) {
        List<ServiceLevelRule> versions = new ArrayList<>();
        for (String part : spec.split(";")) {
            ServiceLevelRule rule = ServiceLevelRule.parse(queue, versions.size() + 1, part);
            if (!versions.isEmpty() && !rule.effectiveFrom().isAfter(versions.get(versions.size() - 1).effectiveFrom())) {
                throw new IllegalArgumentException("version " + rule.version() + " of the rule of queue '" + queue
                        + "' needs a from= time after the version before it");
            }
            versions.add(rule);
        }
        return List.copyOf(versions);
    }

    /** The rule version in force for {@code queue} at event time {@code at}. */
    public ServiceLevelRule inForce(String queue, Instant at) {
        List<ServiceLevelRule> own = versionsByQueue.get(queue);
        ServiceLevelRule rule = own == null ? null : latestFrom(own, at);
        return rule != null ? rule : latestOrFirst(defaultVersions, at).forQueue(queue);
    }

    /** Queues with a rule of their own. */
    public Map<String, List<ServiceLevelRule>> declared() {
        return versionsByQueue;
    }

    private static ServiceLevelRule latestFrom(List<ServiceLevelRule> versions, Instant at) {
        ServiceLevelRule found = null;
        for (ServiceLevelRule v : versions) {
            if (!v.effectiveFrom().isAfter(at)) {
                found = v;
            }
        }
        return found;
    }

    private static ServiceLevelRule latestOrFirst(List<ServiceLevelRule> versions, Instant at) {
        ServiceLevelRule found = latestFrom(versions, at);
        return found != null ? found : versions.get(0);
    }
}
