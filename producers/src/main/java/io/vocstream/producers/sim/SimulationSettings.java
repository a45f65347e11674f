package io.vocstream.producers.sim;

import io.vocstream.producers.sink.ProgressReport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything that decides a simulation run. The same settings with a given start time give exactly the same events.
 */
public final class SimulationSettings {
    public static final long DEFAULT_SEED = 42;
    public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(5);

    private final long seed;
    private final Pace pace;
    private final double eventsPerSecond;
    private final double volumeScale;
    private final Instant start;
    private final ZoneId zone;
    private final Duration stopAfter;
    private final long maxEvents;
    private final List<Scenario> scenarios;
    private final Duration progressInterval;
    private final Consumer<ProgressReport> progressListener;

    private SimulationSettings(Builder b) {
        this.seed = b.seed;
        this.pace = b.pace;
        this.eventsPerSecond = b.eventsPerSecond;
        this.volumeScale = b.volumeScale;
        this.start = b.start;
        this.zone = b.zone;
        this.stopAfter = b.stopAfter;
        this.maxEvents = b.maxEvents;
        this.scenarios = List.copyOf(b.scenarios);
        this.progressInterval = b.progressInterval;
        this.progressListener = b.progressListener;
    }

    public static Builder builder() {
        return new Builder();
    }

    public long seed() {
        return seed;
    }

    public Pace pace() {
        return pace;
    }

    /** Target events per second for {@link Pace#RATE}. */
    public double eventsPerSecond() {
        return eventsPerSecond;
    }

    /** Multiplies customer demand, agents and crews (1 is a large utility: about 20-50 events/s by day). */
    public double volumeScale() {
        return volumeScale;
    }

    /** Simulated start for RATE and FAST; null: now. REALTIME always starts now. */
    public Instant start() {
        return start;
    }

    /** Zone of the customers' day: arrival curves, shifts and appointment windows follow its local time. */
    public ZoneId zone() {
        return zone;
    }

    /** Simulated time after which the run stops; null: no limit. */
    public Duration stopAfter() {
        return stopAfter;
    }

    /** Number of events after which the run stops; 0: no limit. */
    public long maxEvents() {
        return maxEvents;
    }

    public List<Scenario> scenarios() {
        return scenarios;
    }

    public Duration progressInterval() {
        return progressInterval;
    }

    /** Receives progress reports every {@link #progressInterval()}; null: none. */
    public Consumer<ProgressReport> progressListener() {
        return progressListener;
    }

    @Override
    public String toString() {
        return "SimulationSettings[seed=" + seed + ", pace=" + pace + (pace == Pace.RATE ? ", eventsPerSecond="
                + eventsPerSecond : "") + ", volumeScale=" + volumeScale + ", start=" + start + ", zone=" + zone
                + ", stopAfter=" + stopAfter + ", maxEvents=" + maxEvents + ", scenarios=" + scenarios + "]";
    }

    public static final class Builder {
        private long seed = DEFAULT_SEED;
        private Pace pace = Pace.REALTIME;
        private double eventsPerSecond = 1000;
        private double volumeScale = 1.0;
        private Instant start;
        private ZoneId zone = ZoneOffset.UTC;
        private Duration stopAfter;
        private long maxEvents;
        private final List<Scenario> scenarios = new ArrayList<>();
        private Duration progressInterval = DEFAULT_PROGRESS_INTERVAL;
        private Consumer<ProgressReport> progressListener;

        private Builder() {
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder pace(Pace pace) {
            this.pace = Objects.requireNonNull(pace, "pace");
            return this;
        }

        /** Target events per second of {@link Pace#RATE}. */
        public Builder eventsPerSecond(double eventsPerSecond) {
            this.eventsPerSecond = eventsPerSecond;
            return this;
        }

        public Builder volumeScale(double volumeScale) {
            this.volumeScale = volumeScale;
            return this;
        }

        public Builder start(Instant start) {
            this.start = start;
            return this;
        }

        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        public Builder stopAfter(Duration stopAfter) {
            this.stopAfter = stopAfter;
            return this;
        }

        public Builder maxEvents(long maxEvents) {
            this.maxEvents = maxEvents;
            return this;
        }

        public Builder scenario(Scenario scenario) {
            this.scenarios.add(Objects.requireNonNull(scenario, "scenario"));
            return this;
        }

        public Builder scenarios(List<Scenario> scenarios) {
            scenarios.forEach(this::scenario);
            return this;
        }

        public Builder progress(Duration interval, Consumer<ProgressReport> listener) {
            this.progressInterval = Objects.requireNonNull(interval, "interval");
            this.progressListener = listener;
            return this;
        }

        /** @throws IllegalArgumentException naming the setting that is wrong */
        public SimulationSettings build() {
            if (!(volumeScale > 0) || Double.isInfinite(volumeScale)) {
                throw new IllegalArgumentException("volumeScale must be positive, not " + volumeScale);
            }
            if (pace == Pace.RATE && !(eventsPerSecond > 0)) {
                throw new IllegalArgumentException("eventsPerSecond must be positive for RATE pace, not "
                        + eventsPerSecond);
            }
            if (pace == Pace.REALTIME && start != null) {
                throw new IllegalArgumentException("start applies to RATE and FAST pace; REALTIME starts now");
            }
            if (stopAfter != null && (stopAfter.isZero() || stopAfter.isNegative())) {
                throw new IllegalArgumentException("stopAfter must be positive, not " + stopAfter);
            }
            if (maxEvents < 0) {
                throw new IllegalArgumentException("maxEvents must be 0 (no limit) or positive, not " + maxEvents);
            }
            if (progressInterval.isZero() || progressInterval.isNegative()) {
                throw new IllegalArgumentException("progress interval must be positive, not " + progressInterval);
            }
            World world = World.standard();
            for (Scenario scenario : scenarios) {
                if (scenario instanceof Scenario.Outage outage) {
                    world.region(outage.region());
                } else if (scenario instanceof Scenario.AgentShortage shortage) {
                    world.queue(shortage.queue());
                }
            }
            return new SimulationSettings(this);
        }
    }
}
