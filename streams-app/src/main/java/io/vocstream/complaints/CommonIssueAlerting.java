package io.vocstream.complaints;

import io.vocstream.alerts.Alert;
import io.vocstream.alerts.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * Groups with an open alert are reviewed every minute of stream time; every hour the groups whose complaints have
 * all aged out, and the resolved alerts past their retention, are dropped.
 */
final class CommonIssueAlerting implements Processor<String, NewComplaint, String, Alert> {
    static final String RULE = "common-issue";
    static final String MEMBERS_STORE = "complaint-common-issue-members";

    private final ComplaintSettings settings;
    private final long graceMillis;
    private KeyValueStore<String, CommonIssueMembers> groups;
    private AlertBook book;

    CommonIssueAlerting(ComplaintSettings settings, Duration grace) {
        this.settings = settings;
        this.graceMillis = grace.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.groups = context.getStateStore(MEMBERS_STORE);
        this.book = new AlertBook(context, settings.alerting(), settings.alertRetention());
        context.schedule(Duration.ofMinutes(1), PunctuationType.STREAM_TIME, this::reviewOpenAlerts);
        context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::forgetAgedGroups);
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
        CommonIssueMembers kept = kept(members, rule, now);
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
        book.apply(group, RULE, signal, now);
    }

    /** The members a late complaint arriving at {@code now} could still form a cluster with. */
    private CommonIssueMembers kept(CommonIssueMembers members, ComplaintSettings.CommonIssueRule rule, long now) {
        return members.openedFrom(now - rule.window().toMillis() - graceMillis);
    }

    /** Re-evaluates the groups with an open alert as stream time passes, so that their alerts resolve. */
    private void reviewOpenAlerts(long streamTime) {
        for (String group : book.openDimensions(RULE)) {
            CommonIssueMembers members = Objects.requireNonNullElseGet(groups.get(group),
                    () -> new CommonIssueMembers(List.of()));
            evaluate(group, categoryOf(group), members, streamTime);
        }
    }

    /** Drops the groups none of whose complaints can still be part of a cluster, and old resolved alerts. */
    private void forgetAgedGroups(long streamTime) {
        List<String> aged = new ArrayList<>();
        try (KeyValueIterator<String, CommonIssueMembers> all = groups.all()) {
            all.forEachRemaining((KeyValue<String, CommonIssueMembers> kv) -> {
                if (kept(kv.value, settings.commonIssueOf(categoryOf(kv.key)), streamTime).members().isEmpty()) {
                    aged.add(kv.key);
                }
            });
        }
        aged.forEach(groups::delete);
        book.forgetResolved(List.of(RULE), streamTime);
    }

    private static String categoryOf(String group) {
        return group.substring("category=".length(), group.indexOf(','));
    }
}
