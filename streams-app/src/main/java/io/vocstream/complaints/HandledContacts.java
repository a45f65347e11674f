package io.vocstream.complaints;

import io.vocstream.buckets.SliceKeys;
import io.vocstream.events.ContactEvent;
import io.vocstream.events.ContactEventType;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Counts handled contacts (ANSWERED steps) per slice and bucket, the denominator of the complaint rate per 1,000
 * contacts. Contacts carry no complaint category, so that dimension has no rate.
 */
final class HandledContacts implements Processor<String, ContactEvent, Void, Void> {
    static final String CONTACTS_KIND = "complaint-contacts";
    /** The complaint dimensions a contact can be sliced by. */
    static final List<String> DIMENSIONS = List.of("all", "region", "segment", "tier", "channel", "queue");

    private CohortBuckets contacts;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.contacts = CohortBuckets.open(context, CONTACTS_KIND);
    }

    @Override
    public void process(Record<String, ContactEvent> record) {
        ContactEvent c = record.value();
        if (c.getType() != ContactEventType.ANSWERED) {
            return;
        }
        contacts.add(List.of(SliceKeys.all(), SliceKeys.of("region", c.getRegion()),
                        SliceKeys.of("segment", c.getSegment()), SliceKeys.of("tier", c.getTier()),
                        SliceKeys.of("channel", c.getChannel().name()), SliceKeys.of("queue", c.getQueue())),
                c.getEventTime().toEpochMilli(), ComplaintStats.answeredContact());
    }
}
