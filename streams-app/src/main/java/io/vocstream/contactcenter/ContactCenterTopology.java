package io.vocstream.contactcenter;

import io.vocstream.buckets.BucketFamily;
import io.vocstream.buckets.SliceKeys;
import io.vocstream.config.AppConfig;
import io.vocstream.events.AgentEvent;
import io.vocstream.events.ContactEvent;
import io.vocstream.events.ContactEventType;
import io.vocstream.events.IvrEvent;
import io.vocstream.events.SurveyResponse;
import io.vocstream.schemas.EventTopic;
import io.vocstream.streams.EntityStore;
import io.vocstream.streams.InputStreams;
import io.vocstream.streams.JsonSerde;
import io.vocstream.streams.StoreExpiry;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Queues and agents from contact and agent events, per partition with no re-partitioning: each contact's life in a
 * key-value store (keyed by contact, like its topic), what it adds to its queue and agent in per-minute buckets, the
 * contacts waiting now, and each agent's state now. Only repeat contacts need a customer's contacts together: each
 * contact's first entry is re-partitioned by customer. Surveys naming an agent add their CSAT to the agent's
 * buckets where they arrive; surveys naming only a contact are re-partitioned by contact, into the partition of
 * the contact's events, and credited to the agent who handled it ({@link HandledContact}). Queries merge the
 * partials of every partition and instance.
 */
public final class ContactCenterTopology {
    public static final String CONTACTS_STORE = "contactcenter-contacts";
    public static final String WAITING_STORE = "contactcenter-waiting";
    public static final String QUEUE_BUCKETS_STORE = "contactcenter-queue-buckets";
    public static final String AGENT_BUCKETS_STORE = "contactcenter-agent-buckets";
    public static final String AGENTS_STORE = "contactcenter-agents";
    public static final String AGENT_CSAT_STORE = "contactcenter-agent-csat";
    public static final String HANDLED_CONTACTS_STORE = "contactcenter-handled-contacts";
    public static final String AGENT_LINKED_CSAT_STORE = "contactcenter-agent-linked-csat";
    public static final String CUSTOMERS_STORE = "contactcenter-customers";
    public static final String REPEAT_BUCKETS_STORE = "contactcenter-repeat-buckets";
    public static final String IVR_SESSIONS_STORE = "contactcenter-ivr-sessions";
    public static final String IVR_BUCKETS_STORE = "contactcenter-ivr-buckets";

    private ContactCenterTopology() {
    }

    public static void build(StreamsBuilder builder, InputStreams inputs, AppConfig app) {
        ContactCenterConfig config = ContactCenterConfig.from(app);
        Duration grace = app.eventsGrace();
        builder.addStateStore(EntityStore.builder(Stores.persistentKeyValueStore(CONTACTS_STORE),
                ContactStateSerde.serde()));
        // the contacts waiting and the agents now are few, rewritten all the time and read whole by every queue
        // query and scrape: in RocksDB a scan wades through every overwritten version and tombstone still in the
        // memtable (a single queue's view took seconds at 5,000 events/s); kept in memory, restored from the
        // changelog. An agent's or a waiting contact's changes between two commits reach the changelog once
        builder.addStateStore(EntityStore.builder(Stores.inMemoryKeyValueStore(WAITING_STORE), WaitingSerde.serde()));
        BucketFamily.addStores(builder, QUEUE_BUCKETS_STORE, QueueStatsSerde.serde(),
                size -> config.retention(size, grace));
        BucketFamily.addStores(builder, AGENT_BUCKETS_STORE, CountSerdes.agentStats(),
                size -> config.retention(size, grace));
        builder.addStateStore(EntityStore.builder(Stores.inMemoryKeyValueStore(AGENTS_STORE), AgentNowSerde.serde()));
        builder.addStateStore(EntityStore.builder(Stores.persistentKeyValueStore(CUSTOMERS_STORE),
                JsonSerde.of(CustomerContacts.class)));
        BucketFamily.addStores(builder, REPEAT_BUCKETS_STORE, CountSerdes.repeatStats(),
                size -> config.retention(size, grace));
        Duration keepFor = config.repeatWindow().plus(grace);
        // repeat contacts need all contacts of a customer together: only a contact's first entry (one record per
        // contact, not per event) is re-partitioned, by customer
        inputs.<ContactEvent>of(EventTopic.CONTACT)
                .process(() -> new ContactProcessor(config), Named.as("contactcenter-contacts"),
                        BucketFamily.withStores(List.of(CONTACTS_STORE, WAITING_STORE), QUEUE_BUCKETS_STORE,
                                AGENT_BUCKETS_STORE))
                .repartition(Repartitioned.<String, RepeatContacts.FirstContact>as("contactcenter-customer-contacts")
                        .withKeySerde(Serdes.String())
                        .withValueSerde(JsonSerde.of(RepeatContacts.FirstContact.class)))
                .process(() -> new RepeatProcessor(config.repeatWindow(), keepFor), Named.as("contactcenter-repeats"),
                        BucketFamily.withStores(List.of(CUSTOMERS_STORE), REPEAT_BUCKETS_STORE));
        builder.addStateStore(EntityStore.builder(Stores.persistentKeyValueStore(IVR_SESSIONS_STORE),
                IvrSessionSerde.serde()));
        BucketFamily.addStores(builder, IVR_BUCKETS_STORE, JsonSerde.of(IvrStats.class),
                size -> config.retention(size, grace));
        inputs.<IvrEvent>of(EventTopic.IVR).process(() -> new IvrProcessor(config), Named.as("contactcenter-ivr"),
                BucketFamily.withStores(List.of(IVR_SESSIONS_STORE), IVR_BUCKETS_STORE));
        BucketFamily.addStores(builder, AGENT_CSAT_STORE, CountSerdes.csatCounts(),
                size -> config.retention(size, grace));
        inputs.<SurveyResponse>of(EventTopic.SURVEY)
                .filter((id, survey) -> survey.getAgentId() != null && survey.getCsat() != null,
                        Named.as("contactcenter-agent-surveys"))
                .process(AgentCsatProcessor::new, Named.as("contactcenter-agent-csat"),
                        BucketFamily.storeNames(AGENT_CSAT_STORE));
        linkSurveysToHandlers(builder, inputs, config, grace);
        inputs.<AgentEvent>of(EventTopic.AGENT).process(() -> new AgentProcessor(config),
                Named.as("contactcenter-agents"), AGENTS_STORE);
    }

    /**
     * Credits the CSAT of surveys that name a contact but no agent to the agent who handled the contact. Contact
     * events are keyed by contact, surveys by response: only those surveys (key the contact, value the CSAT answer,
     * timestamp the response's) are re-partitioned, into the partition of their contact's events, where both meet in
     * {@link #HANDLED_CONTACTS_STORE}. This needs {@code survey-responses} and {@code contact-events} to have the same
     * number of partitions, as the satisfaction's wait linkage does. Satisfaction re-partitions surveys by contact
     * too, but as scored statistics that no longer say whether an agent was named; sharing its topic would mean
     * sending every whole response through it instead of this small subset.
     */
    private static void linkSurveysToHandlers(StreamsBuilder builder, InputStreams inputs, ContactCenterConfig config,
                                              Duration grace) {
        builder.addStateStore(EntityStore.builder(Stores.persistentKeyValueStore(HANDLED_CONTACTS_STORE),
                HandledContactSerde.serde()));
        BucketFamily.addStores(builder, AGENT_LINKED_CSAT_STORE, CountSerdes.csatCounts(),
                size -> config.retention(size, grace));
        String[] stores = BucketFamily.withStores(List.of(HANDLED_CONTACTS_STORE), AGENT_LINKED_CSAT_STORE);
        inputs.<ContactEvent>of(EventTopic.CONTACT)
                .filter((id, e) -> HandledContact.handles(e), Named.as("contactcenter-handling-steps"))
                .process(() -> new HandledContactProcessor<ContactEvent>(
                                (contact, record) -> contact.withStep(record.value()), config.surveyLinkMemory()),
                        Named.as("contactcenter-contact-handlers"), stores);
        inputs.<SurveyResponse>of(EventTopic.SURVEY)
                .filter((id, survey) -> survey.getAgentId() == null && survey.getContactId() != null
                        && survey.getCsat() != null, Named.as("contactcenter-contact-surveys"))
                .map((id, survey) -> KeyValue.pair(survey.getContactId(), survey.getCsat()),
                        Named.as("contactcenter-contact-survey-csat"))
                .repartition(Repartitioned.<String, Integer>as("contactcenter-surveys-by-contact")
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.Integer()))
                .process(() -> new HandledContactProcessor<Integer>(
                                (contact, record) -> contact.withSurvey(record.timestamp(), record.value()), null),
                        Named.as("contactcenter-survey-handlers"), stores);
    }


    /** A contact waiting in a queue since an event time, with its dimensions; keyed by queue and contact. */
    public record Waiting(String queue, long sinceMillis, Dimensions dimensions) {
        static String key(String queue, String contactId) {
            return queue + QueueSliceKeys.SEPARATOR + contactId;
        }
    }

    /** A customer's remembered contacts, oldest first. */
    public record CustomerContacts(List<RepeatContacts.Remembered> contacts) {
    }

    /** Applies each contact event to the contact's state, its queue's and agent's buckets and the waiting list. */
    private static final class ContactProcessor
            implements Processor<String, ContactEvent, String, RepeatContacts.FirstContact> {
        private final ContactCenterConfig config;
        private KeyValueStore<String, ContactState> contacts;
        private KeyValueStore<String, Waiting> waiting;
        private BucketFamily<QueueStats> queues;
        private BucketFamily<AgentStats> agents;
        private ProcessorContext<String, RepeatContacts.FirstContact> context;

        ContactProcessor(ContactCenterConfig config) {
            this.config = config;
        }

        @Override
        public void init(ProcessorContext<String, RepeatContacts.FirstContact> context) {
            this.context = context;
            contacts = context.getStateStore(CONTACTS_STORE);
            waiting = context.getStateStore(WAITING_STORE);
            queues = BucketFamily.open(context, QUEUE_BUCKETS_STORE);
            agents = BucketFamily.open(context, AGENT_BUCKETS_STORE);
            // a contact whose end was never reported must not wait forever in "now"
            StoreExpiry.schedule(context, PunctuationType.WALL_CLOCK_TIME, config.waitingExpiry(), waiting,
                    (w, horizon) -> w.sinceMillis() < horizon);
            // contact states are needed while their late events can still arrive: expire them in event time
            StoreExpiry.schedule(context, PunctuationType.STREAM_TIME, config.contactExpiry(), contacts,
                    (contact, horizon) -> contact.lastEventMillis() < horizon);
        }

        @Override
        public void process(Record<String, ContactEvent> record) {
            ContactEvent event = record.value();
            String contactId = event.getContactId();
            ContactState before = contacts.get(contactId);
            ContactLifecycle.Step step = ContactLifecycle.apply(before, event);
            if (step.next() == before) {
                return;
            }
            contacts.put(contactId, step.next());
            ContactState.Offer was = before == null ? null : before.waiting();
            ContactState.Offer is = step.next().waiting();
            if (was != null && !was.equals(is)) {
                // a tombstone, without reading back the value that delete() returns
                waiting.put(Waiting.key(was.queue(), contactId), null);
            }
            if (is != null && !is.equals(was)) {
                waiting.put(Waiting.key(is.queue(), contactId),
                        new Waiting(is.queue(), is.atMillis(), step.next().dimensions()));
            }
            for (ContactLifecycle.QueueDelta d : step.queueDeltas()) {
                for (String slice : d.dimensions().slices()) {
                    queues.add(QueueSliceKeys.of(d.queue(), slice), d.atMillis(), d.stats());
                }
            }
            step.agentDeltas().forEach(d -> agents.add(d.agentId(), d.atMillis(), d.stats()));
            boolean firstEntry = event.getType() == ContactEventType.OFFERED
                    && (before == null || before.offers().isEmpty());
            if (firstEntry && event.getCustomerId() != null) {
                context.forward(record.withKey(event.getCustomerId()).withValue(new RepeatContacts.FirstContact(
                        contactId, event.getQueue(), record.timestamp(), step.next().dimensions())));
            }
        }
    }

    /** Counts each customer's contacts and repeats, in the buckets of the contacts' first queues. */
    private static final class RepeatProcessor implements Processor<String, RepeatContacts.FirstContact, Void, Void> {
        private final Duration window;
        private final Duration keepFor;
        private KeyValueStore<String, CustomerContacts> customers;
        private BucketFamily<RepeatStats> repeats;

        RepeatProcessor(Duration window, Duration keepFor) {
            this.window = window;
            this.keepFor = keepFor;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            customers = context.getStateStore(CUSTOMERS_STORE);
            repeats = BucketFamily.open(context, REPEAT_BUCKETS_STORE);
            StoreExpiry.schedule(context, PunctuationType.STREAM_TIME, keepFor, customers,
                    (c, horizon) -> c.contacts().isEmpty()
                            || c.contacts().get(c.contacts().size() - 1).contact().atMillis() < horizon);
        }

        @Override
        public void process(Record<String, RepeatContacts.FirstContact> record) {
            CustomerContacts known = customers.get(record.key());
            RepeatContacts.Step step = RepeatContacts.apply(known == null ? List.of() : known.contacts(),
                    record.value(), window, keepFor);
            if (step.deltas().isEmpty()) {
                return;
            }
            customers.put(record.key(), new CustomerContacts(step.history()));
            for (RepeatContacts.Delta d : step.deltas()) {
                for (String slice : d.contact().dimensions().slices()) {
                    repeats.add(QueueSliceKeys.of(d.contact().queue(), slice), d.contact().atMillis(), d.stats());
                }
            }
        }
    }

    /** Follows each IVR session and counts it in its line's buckets. */
    private static final class IvrProcessor implements Processor<String, IvrEvent, Void, Void> {
        private final ContactCenterConfig config;
        private KeyValueStore<String, IvrSession> sessions;
        private BucketFamily<IvrStats> lines;

        IvrProcessor(ContactCenterConfig config) {
            this.config = config;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            sessions = context.getStateStore(IVR_SESSIONS_STORE);
            lines = BucketFamily.open(context, IVR_BUCKETS_STORE);
            StoreExpiry.schedule(context, PunctuationType.STREAM_TIME, config.contactExpiry(), sessions,
                    (session, horizon) -> session.latestMillis() < horizon);
        }

        @Override
        public void process(Record<String, IvrEvent> record) {
            IvrSession before = sessions.get(record.value().getSessionId());
            IvrSession.Step step = IvrSession.apply(before, record.value());
            if (step.next() == before) {
                return;
            }
            sessions.put(step.next().sessionId(), step.next());
            if (!step.delta().equals(IvrStats.EMPTY)) {
                String line = step.next().ivrLine() == null ? SliceKeys.UNKNOWN : step.next().ivrLine();
                for (String slice : step.next().dimensions().slices()) {
                    lines.add(QueueSliceKeys.of(line, slice), record.timestamp(), step.delta());
                }
            }
        }
    }

    /**
     * Counts the CSAT of surveys naming an agent in that agent's buckets, in the partition of the response: agents'
     * partials from every partition merge at query time, so nothing is re-partitioned by agent.
     */
    private static final class AgentCsatProcessor implements Processor<String, SurveyResponse, Void, Void> {
        private BucketFamily<CsatCounts> agents;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            agents = BucketFamily.open(context, AGENT_CSAT_STORE);
        }

        @Override
        public void process(Record<String, SurveyResponse> record) {
            SurveyResponse survey = record.value();
            agents.add(survey.getAgentId(), record.timestamp(), CsatCounts.of(survey.getCsat()));
        }
    }

    /**
     * Applies a handling step or a survey to its contact's {@link HandledContact} and adds the credits that moves to
     * the agents' linked-CSAT buckets.
     */
    private static final class HandledContactProcessor<V> implements Processor<String, V, Void, Void> {
        private final BiFunction<HandledContact, Record<String, V>, HandledContact.Step> apply;
        private final Duration expireAfter;
        private KeyValueStore<String, HandledContact> contacts;
        private BucketFamily<CsatCounts> agents;

        /**
         * @param expireAfter how long contacts are kept in stream time after they were last seen; {@code null} where
         *                    the other processor on the same store expires them
         */
        HandledContactProcessor(BiFunction<HandledContact, Record<String, V>, HandledContact.Step> apply,
                                Duration expireAfter) {
            this.apply = apply;
            this.expireAfter = expireAfter;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            contacts = context.getStateStore(HANDLED_CONTACTS_STORE);
            agents = BucketFamily.open(context, AGENT_LINKED_CSAT_STORE);
            if (expireAfter != null) {
                StoreExpiry.schedule(context, PunctuationType.STREAM_TIME, expireAfter, contacts,
                        (contact, horizon) -> contact.lastSeenMillis() < horizon);
            }
        }

        @Override
        public void process(Record<String, V> record) {
            HandledContact known = contacts.get(record.key());
            HandledContact.Step step = apply.apply(known == null ? HandledContact.NONE : known, record);
            contacts.put(record.key(), step.next());
            step.credits().forEach(c -> agents.add(c.agentId(), c.atMillis(), c.csat()));
        }
    }

    /** Keeps each agent's latest state. */
    private static final class AgentProcessor implements Processor<String, AgentEvent, Void, Void> {
        private final ContactCenterConfig config;
        private KeyValueStore<String, AgentNow> agents;

        AgentProcessor(ContactCenterConfig config) {
            this.config = config;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            agents = context.getStateStore(AGENTS_STORE);
            // an agent whose logout was never reported must not stay logged in forever
            StoreExpiry.schedule(context, PunctuationType.WALL_CLOCK_TIME, config.agentExpiry(), agents,
                    (agent, horizon) -> agent.sinceMillis() < horizon);
        }

        @Override
        public void process(Record<String, AgentEvent> record) {
            AgentNow before = agents.get(record.value().getAgentId());
            AgentNow after = AgentNow.apply(before, record.value());
            if (after != before) {
                agents.put(after.agentId(), after);
            }
        }
    }
}
