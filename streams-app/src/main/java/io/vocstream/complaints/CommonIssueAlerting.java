package io.vocstream.complaints;

import io.vocstream.alerts.Alert;
import io.vocstream.alerts.AlertLifecycle;
import io.vocstream.alerts.Signal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The common-issue rule: K or more new complaints of one category in one region (and on one feeder or asset,
 * where given) within T minutes, K and T per category. A group's complaints are kept for T plus the events grace,
 * so a late complaint still completes a cluster; the signal fires while the densest span of T among them holds K
 * (critical at 2K), lists those complaints as the alert's members, and clears once the cluster has aged out.
 */
final class CommonIssueAlerting implements Processor<String, NewComplaint, String, Alert> {
    static final String RULE = "common-issue";
    static final String MEMBERS_STORE = "complaint-common-issue-members";

    private final ComplaintSettings settings;
    private final AlertLifecycle lifecycle;
    private final long graceMillis;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, CommonIssueMembers> groups;
    private KeyValueStore<String, Alert> alerts;

    CommonIssueAlerting(ComplaintSettings settings, AlertLifecycle lifecycle, Duration grace) {
        this.settings = settings;
        this.lifecycle = lifecycle;
        this.graceMillis = grace.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.groups = context.getStateStore(MEMBERS_STORE);
        this.alerts = context.getStateStore(SpikeAlerting.ALERTS_STORE);
        context.schedule(Duration.ofMinutes(1), PunctuationType.STREAM_TIME, this::reviewOpenAlerts);
    }

    @Override
    public void process(Record<String, NewComplaint> record) {
        String group = record.key().substring(NewComplaint.COMMON_ISSUE_KEY.length());
        NewComplaint complaint = record.value();
        CommonIssueMembers members = Objects.requireNonNullElseGet(groups.get(group),
                () -> new CommonIssueMembers(List.of()))
                .with(new CommonIssueMembers.Member(complaint.complaintId(), complaint.eventTime()));
        long now = Math.max(complaint.eventTime(), members.members().get(members.members().size() - 1).openedAt());
        evaluate(group, complaint.category(), members, now);
    }

    private void evaluate(String group, String category, CommonIssueMembers members, long now) {
        ComplaintSettings.CommonIssueRule rule = settings.commonIssueOf(category);
        CommonIssueMembers kept = members.openedFrom(now - rule.window().toMillis() - graceMillis);
        if (kept.members().isEmpty()) {
            groups.delete(group);
        } else {
            groups.put(group, kept);
        }
        List<CommonIssueMembers.Member> cluster = kept.densest(rule.window().toMillis());
        Signal.Level level = cluster.size() >= 2 * rule.minCount() ? Signal.Level.CRITICAL
                : cluster.size() >= rule.minCount() ? Signal.Level.WARNING : Signal.Level.CLEAR;
        Signal signal = new Signal(level, cluster.size(), rule.minCount(), null, cluster.size(),
                rule.minCount() + " or more complaints of " + category + " within " + rule.window(), false,
                level == Signal.Level.CLEAR ? List.of()
                        : cluster.stream().map(CommonIssueMembers.Member::complaintId).toList());
        String key = Alert.key(group, RULE);
        lifecycle.next(Optional.ofNullable(alerts.get(key)), group, RULE, signal, Instant.ofEpochMilli(now))
                .ifPresent(step -> {
                    alerts.put(key, step.alert());
                    if (step.publish()) {
                        context.forward(new Record<>(key, step.alert(), now));
                    }
                });
    }

    /** Re-evaluates the groups with an open alert as stream time passes, so that their alerts resolve. */
    private void reviewOpenAlerts(long streamTime) {
        List<Alert> open = new ArrayList<>();
        try (KeyValueIterator<String, Alert> all = alerts.all()) {
            all.forEachRemaining((KeyValue<String, Alert> kv) -> {
                if (kv.value.isOpen() && RULE.equals(kv.value.rule())) {
                    open.add(kv.value);
                }
            });
        }
        for (Alert alert : open) {
            String group = alert.dimension();
            CommonIssueMembers members = Objects.requireNonNullElseGet(groups.get(group),
                    () -> new CommonIssueMembers(List.of()));
            evaluate(group, categoryOf(group), members, streamTime);
        }
    }

    private static String categoryOf(String group) {
        return group.substring("category=".length(), group.indexOf(','));
    }
}
