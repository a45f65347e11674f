package io.vocstream.complaints;

import io.vocstream.events.ComplaintEvent;
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
 * Keeps each complaint's lifecycle (in the partition of its complaint id) and, at every step, moves the
 * complaint's contribution in its cohort's bucket statistics from what it was to what it is now; keeps the open
 * backlog; and passes each complaint whose opening time has become known (or moved earlier) on to the
 * repeat-complainant count, keyed by customer.
 */
final class ComplaintLifecycles implements Processor<String, ComplaintEvent, String, CustomerComplaint> {
    static final String CASES_STORE = "complaint-cases";
    static final String OPEN_STORE = "complaint-open";
    static final String KPI_KIND = "complaint-kpis";

    private final ComplaintSettings settings;
    private ProcessorContext<String, CustomerComplaint> context;
    private KeyValueStore<String, ComplaintCase> cases;
    private KeyValueStore<String, OpenComplaint> open;
    private CohortBuckets kpis;

    ComplaintLifecycles(ComplaintSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, CustomerComplaint> context) {
        this.context = context;
        this.cases = context.getStateStore(CASES_STORE);
        this.open = context.getStateStore(OPEN_STORE);
        this.kpis = CohortBuckets.open(context, KPI_KIND);
        context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::forgetEndedCases);
    }

    @Override
    public void process(Record<String, ComplaintEvent> record) {
        ComplaintEvent event = record.value();
        String id = event.getComplaintId();
        ComplaintCase before = cases.get(id);
        ComplaintCase after = before == null ? ComplaintCase.first(event) : before.with(event);
        cases.put(id, after);
        moveContribution(before, after);
        trackBacklog(after);
        Long opened = after.openedAt();
        boolean newOpening = opened != null && (before == null || !opened.equals(before.openedAt()));
        if (newOpening && after.customerId() != null) {
            context.forward(new Record<>(after.customerId(),
                    new CustomerComplaint(id, opened, after.sliceKeys()), opened));
        }
    }

    /** Withdraws the complaint's old contribution and adds the new one: in one delta when the cohort is unchanged. */
    private void moveContribution(ComplaintCase before, ComplaintCase after) {
        ComplaintStats now = after.stats(settings);
        ComplaintStats was = before == null ? ComplaintStats.empty() : before.stats(settings);
        if (was.isEmpty()) {
            kpis.add(after.sliceKeys(), after.openedAt() == null ? 0 : after.openedAt(), now);
        } else if (Objects.equals(before.openedAt(), after.openedAt()) && before.sliceKeys().equals(after.sliceKeys())) {
            kpis.add(after.sliceKeys(), after.openedAt(), now.merge(was.negated()));
        } else {
            kpis.add(before.sliceKeys(), before.openedAt(), was.negated());
            kpis.add(after.sliceKeys(), after.openedAt(), now);
        }
    }

    private void trackBacklog(ComplaintCase c) {
        if (!c.isOpen()) {
            open.delete(c.complaintId());
            return;
        }
        Long due = c.firstResponseAt() != null ? null : c.openedAt() + settings.promiseOf(c.category()).toMillis();
        open.put(c.complaintId(), new OpenComplaint(c.openedAt(), due, c.sliceKeys()));
    }

    /** Drops resolved and closed complaints whose last step is older than the retention; open ones stay. */
    private void forgetEndedCases(long streamTime) {
        long before = streamTime - settings.lifecycleRetention().toMillis();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, ComplaintCase> all = cases.all()) {
            all.forEachRemaining((KeyValue<String, ComplaintCase> kv) -> {
                List<ComplaintCase.Step> steps = kv.value.steps();
                if (!kv.value.isOpen() && steps.get(steps.size() - 1).time() < before) {
                    expired.add(kv.key);
                }
            });
        }
        expired.forEach(cases::delete);
    }
}
