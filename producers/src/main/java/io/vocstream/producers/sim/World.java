package io.vocstream.producers.sim;

import io.vocstream.producers.sim.QueueProfile.ChannelMix;
import io.vocstream.producers.sim.QueueProfile.HandlingTimes;
import io.vocstream.producers.sim.QueueProfile.IvrBranch;
import io.vocstream.producers.sim.QueueProfile.RepairNeed;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated utility: its regions (urban and rural), its contact-center queues and how much customers contact it.
 * Volumes are those of volume scale 1; the settings' volume scale multiplies customer demand, agents and crews.
 */
final class World {
    /** Customer contacts (IVR calls, chats, e-mails) on an average weekday at volume scale 1. */
    static final double CONTACTS_PER_DAY = 150_000;

    private final List<Region> regions;
    private final List<QueueProfile> queues;

    private World(List<Region> regions, List<QueueProfile> queues) {
        this.regions = List.copyOf(regions);
        this.queues = List.copyOf(queues);
    }

    static World standard() {
        List<Region> regions = new ArrayList<>();
        int first = 0;
        for (Object[] r : new Object[][] {
                {"metro", true, 1_400_000, 4.0, 330},
                {"west", true, 700_000, 2.5, 180},
                {"south", false, 800_000, 4.0, 250},
                {"north", false, 600_000, 3.5, 200},
                {"east", false, 500_000, 3.0, 165}}) {
            int customers = (Integer) r[2];
            regions.add(new Region((String) r[0], (Boolean) r[1], first, customers, (Double) r[3], (Integer) r[4]));
            first += customers;
        }
        List<QueueProfile> queues = List.of(
                new QueueProfile("billing", 0.40, new ChannelMix(0.65, 0.20, 0.15),
                        new HandlingTimes(300, 0.30, 45, 60), 0.80, 0.06, List.of("moving", "sales", "repairs"),
                        new IvrBranch("billing", 0.30, "pay"), new RepairNeed(RepairKind.METER_CHECK, 0.01),
                        "billing", 0.10, null),
                new QueueProfile("outages", 0.06, new ChannelMix(0.88, 0.10, 0.02),
                        new HandlingTimes(150, 0.15, 30, 40), 0.85, 0.04, List.of("repairs"),
                        new IvrBranch("outage", 0.20, "status"), new RepairNeed(RepairKind.NO_SUPPLY, 0.35),
                        "outage", 0.04, "repairs"),
                new QueueProfile("repairs", 0.20, new ChannelMix(0.75, 0.10, 0.15),
                        new HandlingTimes(360, 0.35, 60, 110), 0.78, 0.05, List.of("billing", "outages"),
                        new IvrBranch("repairs", 0.12, "appointment"), new RepairNeed(RepairKind.FAULT, 0.20),
                        "repair", 0.03, "outages"),
                new QueueProfile("sales", 0.17, new ChannelMix(0.60, 0.30, 0.10),
                        new HandlingTimes(420, 0.25, 40, 90), 0.82, 0.08, List.of("billing", "moving"),
                        new IvrBranch("sales", 0.0, null), new RepairNeed(RepairKind.CONNECTION, 0.04),
                        "billing", 0.02, "moving"),
                new QueueProfile("moving", 0.17, new ChannelMix(0.55, 0.15, 0.30),
                        new HandlingTimes(330, 0.30, 45, 90), 0.80, 0.05, List.of("billing"),
                        new IvrBranch("moving", 0.12, "schedule"), new RepairNeed(RepairKind.METER_CHECK, 0.03),
                        "billing", 0.03, "sales"));
        return new World(regions, queues);
    }

    List<Region> regions() {
        return regions;
    }

    List<QueueProfile> queues() {
        return queues;
    }

    int customers() {
        Region last = regions.get(regions.size() - 1);
        return last.firstCustomer() + last.customers();
    }

    Region region(String name) {
        for (Region region : regions) {
            if (region.name().equals(name)) {
                return region;
            }
        }
        throw new IllegalArgumentException("unknown region '" + name + "'; known: " + regionNames());
    }

    QueueProfile queue(String name) {
        for (QueueProfile queue : queues) {
            if (queue.name().equals(name)) {
                return queue;
            }
        }
        throw new IllegalArgumentException("unknown queue '" + name + "'; known: " + queueNames());
    }

    List<String> regionNames() {
        return regions.stream().map(Region::name).toList();
    }

    List<String> queueNames() {
        return queues.stream().map(QueueProfile::name).toList();
    }
}
