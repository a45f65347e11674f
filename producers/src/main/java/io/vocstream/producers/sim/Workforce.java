package io.vocstream.producers.sim;

import io.vocstream.events.Channel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Workforce management: every half hour each queue is staffed for the contacts forecast for it (square-root
 * staffing on the offered load, plus shrinkage for breaks, with a forecast error), agents log in and out at those
 * boundaries, and take breaks, lunch and the odd meeting or training. An agent shortage scenario lowers a queue's
 * staffing for its duration; nothing else is changed, so waits follow from the queueing.
 */
final class Workforce {
    private static final long INTERVAL_MILLIS = 30 * 60_000L;
    /** Extra agents above the offered load, in units of its square root (quality-and-efficiency staffing). */
    private static final double SAFETY_STAFFING = 0.2;
    /** Share of paid time not available for contacts: breaks, lunch, meetings. */
    private static final double SHRINKAGE = 0.14;
    private static final double FORECAST_ERROR = 0.10;
    private static final long MIN_SHIFT_MILLIS = 4 * 3_600_000L;
    private static final long MAX_SHIFT_MILLIS = 17 * 1_800_000L;
    private static final long REST_MILLIS = 10 * 3_600_000L;

    private final SimContext ctx;
    private final ContactCenter center;
    private final ContactArrivals demand;
    private final Map<String, Team> teams = new LinkedHashMap<>();

    Workforce(SimContext ctx, ContactCenter center, ContactArrivals demand) {
        this.ctx = ctx;
        this.center = center;
        this.demand = demand;
        int index = 0;
        for (QueueProfile queue : ctx.world.queues()) {
            teams.put(queue.name(), new Team(queue, index++));
        }
    }

    void start() {
        for (Team team : teams.values()) {
            restaff(team, true);
        }
        long firstBoundary = (ctx.now() / INTERVAL_MILLIS + 1) * INTERVAL_MILLIS;
        ctx.scheduler.at(firstBoundary, this::intervalBoundary);
        for (Scenario scenario : ctx.scenarios.all()) {
            if (scenario instanceof Scenario.AgentShortage shortage) {
                Team team = teams.get(shortage.queue());
                ctx.scheduler.at(ctx.scenarios.startOf(scenario), () -> restaff(team, false));
                ctx.scheduler.at(ctx.scenarios.endOf(scenario), () -> restaff(team, false));
            }
        }
    }

    private void intervalBoundary() {
        for (Team team : teams.values()) {
            restaff(team, false);
        }
        ctx.scheduler.after(INTERVAL_MILLIS / 1000.0, this::intervalBoundary);
    }

    /** Agents the queue needs in the coming half hour. */
    int requiredAgents(QueueProfile queue, long time) {
        double load = 0; // offered load in Erlangs: arrivals per second times seconds of work each
        for (Channel channel : ContactChannels.ALL) {
            load += demand.expectedOffered(queue, channel, time) * queue.handling().meanSeconds(channel);
        }
        double agents = (load + SAFETY_STAFFING * Math.sqrt(load)) / (1 - SHRINKAGE)
                * (1 + FORECAST_ERROR * ctx.random.nextGaussian());
        return Math.max(1, (int) Math.ceil(agents * ctx.scenarios.staffingFactor(queue, time)));
    }

    private void restaff(Team team, boolean opening) {
        long now = ctx.now();
        int target = requiredAgents(team.queue, now + INTERVAL_MILLIS / 2);
        for (Agent agent : List.copyOf(team.onShift)) {
            if (now - agent.shiftStart >= MAX_SHIFT_MILLIS) {
                team.leave(agent, now + REST_MILLIS);
            }
        }
        boolean shortage = ctx.scenarios.staffingFactor(team.queue, now) < 1;
        while (team.onShift.size() < target) {
            // At the opening of the simulation, shifts started at various times before it.
            team.join(opening ? now - (long) Draw.uniform(ctx.random, 0, 6 * 3_600_000.0) : now);
        }
        for (Agent agent : List.copyOf(team.onShift)) {
            if (team.onShift.size() <= target) {
                break;
            }
            if (shortage) {
                team.leave(agent, now); // called away: back as soon as the shortage is over
            } else if (now - agent.shiftStart >= MIN_SHIFT_MILLIS) {
                team.leave(agent, now + REST_MILLIS);
            }
        }
    }

    private void scheduleBreaks(Agent agent) {
        int shift = agent.shift;
        long start = agent.shiftStart;
        planAway(agent, shift, start + hours(2), "break", 15);
        planAway(agent, shift, start + hours(4), "lunch", 30);
        planAway(agent, shift, start + hours(6), "break", 15);
        if (Draw.chance(ctx.random, 0.15)) {
            String reason = Draw.oneOf(ctx.random, List.of("meeting", "training", "coaching"));
            planAway(agent, shift, start + hours(Draw.uniform(ctx.random, 1, 7)), reason,
                    reason.equals("training") ? 60 : 30);
        }
    }

    private void planAway(Agent agent, int shift, long around, String reason, double minutes) {
        long at = around + (long) Draw.uniform(ctx.random, -20 * 60_000.0, 20 * 60_000.0);
        if (at < ctx.now()) {
            return;
        }
        ctx.scheduler.at(at, () -> {
            if (agent.shift == shift) {
                center.sendAway(agent, reason, minutes * 60);
            }
        });
    }

    private static long hours(double hours) {
        return (long) (hours * 3_600_000);
    }

    /** The agents of one queue: on shift in log-in order, and off shift in log-out order. */
    private final class Team {
        final QueueProfile queue;
        final int index;
        final List<Agent> onShift = new ArrayList<>();
        final List<Agent> offShift = new ArrayList<>();
        int hired;

        Team(QueueProfile queue, int index) {
            this.queue = queue;
            this.index = index;
        }

        void join(long shiftStart) {
            Agent agent = null;
            for (Agent candidate : offShift) {
                if (candidate.activity == Agent.Activity.LOGGED_OUT && candidate.restedAt <= ctx.now()) {
                    agent = candidate;
                    break;
                }
            }
            if (agent == null) {
                agent = hire();
            } else {
                offShift.remove(agent);
            }
            onShift.add(agent);
            center.logIn(agent, shiftStart);
            scheduleBreaks(agent);
        }

        void leave(Agent agent, long restedAt) {
            agent.restedAt = restedAt;
            onShift.remove(agent);
            offShift.add(agent);
            center.logOut(agent);
        }

        /** A new agent; traits depend on the agent's number only, so an agent is the same person in every run. */
        private Agent hire() {
            int number = ++hired;
            long traits = Mix.mix64(((long) index << 32) | number);
            double pace = 0.8 + 0.4 * unit(traits, 0);
            double skill = 0.88 + 0.22 * unit(traits, 1);
            double courtesy = 3.4 + 1.5 * unit(traits, 2);
            String site = number % 3 == 0 ? "north" : "metro";
            QueueProfile secondary = queue.sharedWith() == null ? null : ctx.world.queue(queue.sharedWith());
            return new Agent(String.format("ag-%s-%03d", queue.name(), number), queue, secondary, site, pace, skill,
                    courtesy);
        }

        private static double unit(long bits, int part) {
            return ((bits >>> (part * 16)) & 0xFFFF) / 65536.0;
        }
    }
}
