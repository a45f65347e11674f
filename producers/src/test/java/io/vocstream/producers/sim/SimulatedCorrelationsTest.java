package io.vocstream.producers.sim;

import static io.vocstream.producers.sim.SimulationFixtures.MONDAY;
import static io.vocstream.producers.sim.SimulationFixtures.fast;
import static io.vocstream.producers.sim.SimulationFixtures.run;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.events.Channel;
import io.vocstream.events.ComplaintEvent;
import io.vocstream.events.ComplaintEventType;
import io.vocstream.events.ContactEvent;
import io.vocstream.events.ContactEventType;
import io.vocstream.events.SurveyResponse;
import io.vocstream.producers.sink.InMemoryEventSink;
import io.vocstream.schemas.EventTopic;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Relations that must come out of the model, measured from the events alone over a simulated Monday: a calm one,
 * and one where billing loses half its agents from 09:00 to 12:00 and the south has a major outage at 15:00.
 */
class SimulatedCorrelationsTest {
    private static final double SCALE = 0.25;
    private static final Instant SHORTAGE_FROM = MONDAY.plus(Duration.ofHours(9));
    private static final Instant SHORTAGE_TO = MONDAY.plus(Duration.ofHours(12));
    private static final Instant OUTAGE_FROM = MONDAY.plus(Duration.ofHours(15));
    private static final Instant OUTAGE_TO = OUTAGE_FROM.plus(Scenario.DEFAULT_OUTAGE_DURATION);

    private static InMemoryEventSink calm;
    private static InMemoryEventSink eventful;

    @BeforeAll
    static void simulateTwoMondays() {
        calm = run(fast(3, SCALE, Duration.ofHours(16)));
        eventful = run(fast(3, SCALE, Duration.ofHours(16))
                .scenario(Scenario.parse("agent-shortage:queue=billing,at=PT9H,for=PT3H"))
                .scenario(Scenario.parse("outage:region=south,at=PT15H")));
    }

    @Test
    @DisplayName("customers who waited over 5 minutes rate their contact lower than those who waited under 1 minute")
    void longWaitsLowerCsat() {
        CsatByWait allContacts = CsatByWait.of(eventful, EnumSet.allOf(Channel.class));
        CsatByWait liveContacts = CsatByWait.of(eventful, EnumSet.of(Channel.VOICE, Channel.CHAT));
        System.out.println("all contacts: " + allContacts + "; calls and chats: " + liveContacts);
        assertTrue(allContacts.slowCount() >= 30, allContacts::toString);
        assertTrue(allContacts.slowMean() < allContacts.quickMean(), allContacts::toString);
        // E-mails are answered in hours and judged so; on the phone and in chats five minutes hurt.
        assertTrue(liveContacts.slowCount() >= 20, liveContacts::toString);
        assertTrue(liveContacts.slowMean() < liveContacts.quickMean() - 0.5, liveContacts::toString);
    }

    @Test
    @DisplayName("complaints per hour in the outage region jump during the outage")
    void outageRaisesComplaintsInItsRegion() {
        List<ComplaintEvent> opened = eventful.events(EventTopic.COMPLAINT, ComplaintEvent.class).stream()
                .filter(c -> c.getType() == ComplaintEventType.OPENED && "south".equals(c.getRegion())).toList();
        Instant hoursBefore = OUTAGE_FROM.minus(Duration.ofHours(6));
        double perHourBefore = count(opened, hoursBefore, OUTAGE_FROM) / 6.0;
        double perHourDuring = count(opened, OUTAGE_FROM, OUTAGE_TO)
                / (Scenario.DEFAULT_OUTAGE_DURATION.toMinutes() / 60.0);
        System.out.printf("complaints per hour in the south: %.1f before, %.1f during the outage%n", perHourBefore,
                perHourDuring);
        assertTrue(perHourDuring >= 5 * Math.max(perHourBefore, 1), perHourDuring + " vs " + perHourBefore);
    }

    @Test
    @DisplayName("an agent shortage raises the queue's mean wait and abandonment")
    void agentShortageRaisesWaitsAndAbandons() {
        QueueStats without = QueueStats.of(calm, "billing", SHORTAGE_FROM, SHORTAGE_TO);
        QueueStats with = QueueStats.of(eventful, "billing", SHORTAGE_FROM, SHORTAGE_TO);
        System.out.println("billing 09:00-12:00 calm: " + without + ", short of agents: " + with);
        assertTrue(with.meanWait() > 2 * without.meanWait(), with + " vs " + without);
        assertTrue(with.abandonRate() > 1.5 * without.abandonRate() + 0.02, with + " vs " + without);
    }

    /** Mean CSAT of surveys about contacts that waited under a minute and over five, waits summed per contact. */
    private record CsatByWait(double quickSum, long quickCount, double slowSum, long slowCount) {
        static CsatByWait of(InMemoryEventSink sink, Set<Channel> channels) {
            Map<String, Double> waits = new HashMap<>();
            for (ContactEvent contact : sink.events(EventTopic.CONTACT, ContactEvent.class)) {
                if (contact.getWaitSeconds() != null && channels.contains(contact.getChannel())) {
                    waits.merge(contact.getContactId(), contact.getWaitSeconds(), Double::sum);
                }
            }
            double quickSum = 0;
            long quickCount = 0;
            double slowSum = 0;
            long slowCount = 0;
            for (SurveyResponse survey : sink.events(EventTopic.SURVEY, SurveyResponse.class)) {
                Double wait = survey.getContactId() == null ? null : waits.get(survey.getContactId());
                if (wait != null && wait < 60) {
                    quickSum += survey.getCsat();
                    quickCount++;
                } else if (wait != null && wait > 300) {
                    slowSum += survey.getCsat();
                    slowCount++;
                }
            }
            return new CsatByWait(quickSum, quickCount, slowSum, slowCount);
        }

        double quickMean() {
            return quickSum / quickCount;
        }

        double slowMean() {
            return slowSum / slowCount;
        }

        @Override
        public String toString() {
            return String.format("mean CSAT %.2f after waits under 1 min (n=%d), %.2f over 5 min (n=%d)",
                    quickMean(), quickCount, slowMean(), slowCount);
        }
    }

    private static long count(List<ComplaintEvent> complaints, Instant from, Instant to) {
        return complaints.stream().filter(c -> !c.getEventTime().isBefore(from) && c.getEventTime().isBefore(to))
                .count();
    }

    /** Waits and abandons of the calls and chats offered to a queue in an interval, from the contact events. */
    private record QueueStats(long offered, long abandoned, double meanWait) {
        static QueueStats of(InMemoryEventSink sink, String queue, Instant from, Instant to) {
            long offered = 0;
            long abandoned = 0;
            double waitSum = 0;
            long waits = 0;
            Map<String, Boolean> inInterval = new HashMap<>();
            for (ContactEvent contact : sink.events(EventTopic.CONTACT, ContactEvent.class)) {
                if (!queue.equals(contact.getQueue()) || contact.getChannel() == Channel.EMAIL) {
                    continue;
                }
                if (contact.getType() == ContactEventType.OFFERED) {
                    boolean counted = !contact.getEventTime().isBefore(from) && contact.getEventTime().isBefore(to);
                    inInterval.put(contact.getContactId(), counted);
                    offered += counted ? 1 : 0;
                } else if (contact.getWaitSeconds() != null
                        && inInterval.getOrDefault(contact.getContactId(), false)) {
                    waitSum += contact.getWaitSeconds();
                    waits++;
                    abandoned += contact.getType() == ContactEventType.ABANDONED ? 1 : 0;
                }
            }
            return new QueueStats(offered, abandoned, waitSum / waits);
        }

        double abandonRate() {
            return (double) abandoned / offered;
        }

        @Override
        public String toString() {
            return String.format("offered %d, abandoned %.1f%%, mean wait %.0f s", offered, 100 * abandonRate(),
                    meanWait);
        }
    }
}
