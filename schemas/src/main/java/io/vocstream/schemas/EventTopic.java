package io.vocstream.schemas;

import io.vocstream.events.AgentEvent;
import io.vocstream.events.ComplaintEvent;
import io.vocstream.events.ContactEvent;
import io.vocstream.events.IvrEvent;
import io.vocstream.events.RepairEvent;
import io.vocstream.events.SurveyResponse;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The six input topics of the external contract, each with its event type and the entity id that keys it
 * (so one entity's events stay ordered in one partition).
 */
public enum EventTopic {
    CONTACT("contact-events", ContactEvent.class, ContactEvent.getClassSchema(), "contactId"),
    AGENT("agent-events", AgentEvent.class, AgentEvent.getClassSchema(), "agentId"),
    IVR("ivr-events", IvrEvent.class, IvrEvent.getClassSchema(), "sessionId"),
    REPAIR("repair-events", RepairEvent.class, RepairEvent.getClassSchema(), "workOrderId"),
    COMPLAINT("complaint-events", ComplaintEvent.class, ComplaintEvent.getClassSchema(), "complaintId"),
    SURVEY("survey-responses", SurveyResponse.class, SurveyResponse.getClassSchema(), "responseId");

    private final String baseName;
    private final Class<? extends SpecificRecord> recordClass;
    private final Schema schema;
    private final String keyField;

    EventTopic(String baseName, Class<? extends SpecificRecord> recordClass, Schema schema, String keyField) {
        this.baseName = baseName;
        this.recordClass = recordClass;
        this.schema = schema;
        this.keyField = keyField;
    }

    /** The input topic of {@code event}'s type. */
    public static EventTopic of(SpecificRecord event) {
        for (EventTopic topic : values()) {
            if (topic.recordClass.isInstance(event)) {
                return topic;
            }
        }
        throw new IllegalArgumentException("not an input event: " + event.getClass().getName());
    }

    /** Topic name without prefix, e.g. {@code contact-events}. */
    public String baseName() {
        return baseName;
    }

    /** Topic name with the configured prefix (which may be empty). */
    public String topicName(String prefix) {
        return prefix + baseName;
    }

    public Class<? extends SpecificRecord> recordClass() {
        return recordClass;
    }

    public Schema schema() {
        return schema;
    }

    /** Name of the field whose value is the record key. */
    public String keyField() {
        return keyField;
    }

    /** The key of a record of this topic: the value of its entity-id field. */
    public String keyOf(SpecificRecord record) {
        return String.valueOf(record.get(schema.getField(keyField).pos()));
    }

    /** The topic whose base name is {@code baseName}, or an exception naming the known ones. */
    public static EventTopic ofBaseName(String baseName) {
        for (EventTopic t : values()) {
            if (t.baseName.equals(baseName)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown topic '" + baseName + "'; known: " + java.util.Arrays.toString(
                java.util.Arrays.stream(values()).map(EventTopic::baseName).toArray()));
    }
}
