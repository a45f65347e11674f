package io.vocstream.testing;

import io.vocstream.events.AgentState;
import io.vocstream.events.ComplaintEventType;
import io.vocstream.events.ContactEventType;
import io.vocstream.events.IvrEventType;
import io.vocstream.events.RepairEventType;
import io.vocstream.events.Touchpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;

/**
 * A seeded mix of valid events of all six input topics within a span of event time, in event-time order (so that no
 * event is late): contacts offered to queues, most answered and completed by an agent and the rest abandoned, a
 * third of them coming from an IVR session; half of the completed contacts answer a survey, a fifth of those
 * naming the agent; every tenth contact is followed by a repair order created, dispatched, reached and completed;
 * every eighth by a complaint opened, answered and for half of them resolved; three outage complaints on one feeder
 * within twenty minutes (a common-issue cluster); and the agents logged in and available from the start.
 */
public final class MixedWorkload {
    public static final List<String> REGIONS = List.of("north", "south", "east", "west");
    public static final List<String> QUEUES = List.of("billing", "outage", "sales");
    public static final String OUTAGE_REGION = "east";
    public static final String OUTAGE_FEEDER = "feeder-17";
    private static final int AGENTS = 6;
    /** The longest a contact's, order's or complaint's events reach past its first event. */
    private static final Duration LONGEST_STORY = Duration.ofMinutes(80);

    private MixedWorkload() {
    }

    /**
     * @param contacts how many contacts; the other events follow from them
     * @param from     the earliest event time
     * @param to       every event is before this; at least {@code 85} minutes after {@code from}
     */
    public static List<SpecificRecord> generate(long seed, int contacts, Instant from, Instant to) {
        if (Duration.between(from, to).compareTo(LONGEST_STORY.plusMinutes(5)) < 0) {
            throw new IllegalArgumentException("the span must be at least " + LONGEST_STORY.plusMinutes(5));
        }
        Random random = new Random(seed);
        long span = Duration.between(from, to).minus(LONGEST_STORY).toMillis();
        List<SpecificRecord> events = new ArrayList<>();
        for (int a = 1; a <= AGENTS; a++) {
            events.add(Events.agent("agent-" + a, AgentState.LOGGED_IN, from).setQueues(List.copyOf(QUEUES))
                    .setRegion(REGIONS.get(a % REGIONS.size())).build());
            events.add(Events.agent("agent-" + a, AgentState.AVAILABLE, from.plusSeconds(1))
                    .setQueues(List.copyOf(QUEUES)).build());
        }
        for (int c = 0; c < contacts; c++) {
            String contactId = "contact-" + seed + "-" + c;
            String region = REGIONS.get(random.nextInt(REGIONS.size()));
            String queue = QUEUES.get(random.nextInt(QUEUES.size()));
            String customer = "customer-" + random.nextInt(contacts / 2 + 1);
            Instant offered = from.plusMillis(60_000 + (long) (random.nextDouble() * (span - 60_000)));
            String session = null;
            if (c % 3 == 0) {
                session = "ivr-" + seed + "-" + c;
                events.add(Events.ivr(session, IvrEventType.SESSION_STARTED, offered.minusSeconds(50))
                        .setIvrLine("main").setRegion(region).setCustomerId(customer).build());
                events.add(Events.ivr(session, IvrEventType.MENU_ENTERED, offered.minusSeconds(30))
                        .setIvrLine("main").setMenuNode(queue).setRegion(region).build());
                events.add(Events.ivr(session, IvrEventType.TRANSFERRED_TO_AGENT, offered.minusSeconds(1))
                        .setIvrLine("main").setTargetQueue(queue).setContactId(contactId).setRegion(region).build());
            }
            events.add(Events.contact(contactId, ContactEventType.OFFERED, offered).setQueue(queue)
                    .setRegion(region).setCustomerId(customer).setIvrSessionId(session).build());
            int waitSeconds = 5 + random.nextInt(300);
            Instant left = offered.plusSeconds(waitSeconds);
            if (random.nextInt(5) == 0) {
                events.add(Events.contact(contactId, ContactEventType.ABANDONED, left).setQueue(queue)
                        .setRegion(region).setWaitSeconds((double) waitSeconds).build());
                continue;
            }
            String agent = "agent-" + (1 + random.nextInt(AGENTS));
            int talk = 60 + random.nextInt(600);
            int hold = random.nextInt(60);
            int wrapUp = 10 + random.nextInt(50);
            Instant completed = left.plusSeconds(talk + hold);
            events.add(Events.contact(contactId, ContactEventType.ANSWERED, left).setQueue(queue).setRegion(region)
                    .setAgentId(agent).setWaitSeconds((double) waitSeconds).build());
            events.add(Events.contact(contactId, ContactEventType.COMPLETED, completed).setQueue(queue)
                    .setRegion(region).setAgentId(agent).setTalkSeconds((double) talk)
                    .setHoldSeconds((double) hold).setWrapUpSeconds((double) wrapUp).build());
            if (random.nextBoolean()) {
                events.add(Events.survey("response-" + seed + "-" + c, Touchpoint.AGENT, completed.plusSeconds(120))
                        .setCsat(1 + random.nextInt(5)).setNps(random.nextInt(11))
                        .setCes(random.nextInt(3) == 0 ? 1 + random.nextInt(7) : null)
                        .setContactId(contactId).setCustomerId(customer).setRegion(region).setQueue(queue)
                        .setAgentId(random.nextInt(5) == 0 ? agent : null).build());
            }
            if (c % 10 == 0) {
                addRepair("order-" + seed + "-" + c, region, customer, contactId, completed, random, events);
            }
            if (c % 8 == 0) {
                addComplaint("complaint-" + seed + "-" + c, region, customer, contactId, completed, random, events);
            }
        }
        for (int i = 0; i < 3; i++) {
            events.add(Events.complaint("outage-complaint-" + seed + "-" + i, ComplaintEventType.OPENED,
                    from.plus(Duration.ofMinutes(10 + 5 * i))).setCategory("outage").setRegion(OUTAGE_REGION)
                    .setFeederId(OUTAGE_FEEDER).setCustomerId("customer-outage-" + i).build());
        }
        events.sort(Comparator.comparing(MixedWorkload::eventTime));
        return events;
    }

    private static void addRepair(String order, String region, String customer, String contactId, Instant after,
                                  Random random, List<SpecificRecord> events) {
        Instant created = after.plusSeconds(60);
        Instant promisedStart = created.plus(Duration.ofMinutes(20));
        events.add(Events.repair(order, RepairEventType.CREATED, created).setRegion(region).setCustomerId(customer)
                .setContactId(contactId).setPromisedWindowStart(promisedStart)
                .setPromisedWindowEnd(promisedStart.plus(Duration.ofMinutes(20))).build());
        String technician = "technician-" + (1 + random.nextInt(4));
        events.add(Events.repair(order, RepairEventType.DISPATCHED, created.plus(Duration.ofMinutes(5)))
                .setRegion(region).setTechnicianId(technician).build());
        Instant arrived = created.plus(Duration.ofMinutes(15 + random.nextInt(35)));
        events.add(Events.repair(order, RepairEventType.ARRIVED, arrived).setRegion(region)
                .setTechnicianId(technician).build());
        events.add(Events.repair(order, RepairEventType.COMPLETED, arrived.plus(Duration.ofMinutes(10)))
                .setRegion(region).setTechnicianId(technician).build());
    }

    private static void addComplaint(String complaint, String region, String customer, String contactId,
                                     Instant after, Random random, List<SpecificRecord> events) {
        Instant opened = after.plusSeconds(30);
        String category = random.nextBoolean() ? "billing" : "service";
        events.add(Events.complaint(complaint, ComplaintEventType.OPENED, opened).setCategory(category)
                .setRegion(region).setCustomerId(customer).setLinkedContactId(contactId).build());
        events.add(Events.complaint(complaint, ComplaintEventType.FIRST_RESPONSE, opened.plus(Duration.ofMinutes(20)))
                .setCategory(category).setRegion(region).build());
        if (random.nextBoolean()) {
            events.add(Events.complaint(complaint, ComplaintEventType.RESOLVED, opened.plus(Duration.ofMinutes(40)))
                    .setCategory(category).setRegion(region).build());
        }
    }

    public static Instant eventTime(SpecificRecord event) {
        return (Instant) event.get(event.getSchema().getField("eventTime").pos());
    }
}
