package io.vocstream.repair;

import io.vocstream.events.RepairEvent;
import io.vocstream.events.RepairEventType;
import io.vocstream.testing.Events;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH micro-benchmark of what every repair event costs a work order: taking the step in, and what the processor then
 * asks of the order (its contributions and slices, its interruption, whether it is open, its subject). Run as
 * docs/BENCHMARKS.md says (section JMH).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RepairHotPaths {
    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    private List<RepairStep> outage;

    @Setup
    public void setUp() {
        outage = List.of(
                step(Events.repair("w1", RepairEventType.CREATED, T).setOutage(true).setCustomersAffected(120)
                        .setAssetId("transformer-7").setSegment("residential").setTier("standard")
                        .setPromisedWindowStart(T).setPromisedWindowEnd(T.plus(Duration.ofHours(4)))),
                step(Events.repair("w1", RepairEventType.DISPATCHED, T.plus(Duration.ofMinutes(20)))
                        .setTechnicianId("tech-3")),
                step(Events.repair("w1", RepairEventType.ARRIVED, T.plus(Duration.ofMinutes(75)))
                        .setTechnicianId("tech-3")),
                step(Events.repair("w1", RepairEventType.COMPLETED, T.plus(Duration.ofMinutes(140)))
                        .setTechnicianId("tech-3").setCustomersAffected(130)));
    }

    private static RepairStep step(RepairEvent.Builder event) {
        return RepairStep.of(event.build());
    }

    /** An outage order's four steps, each taken in and the order's figures asked for after it. */
    @Benchmark
    public WorkOrder outageLifecycle(Blackhole sink) {
        WorkOrder order = WorkOrder.none("w1");
        for (RepairStep step : outage) {
            order = order.with(step);
            sink.consume(order.contributions());
            sink.consume(order.sliceKeys());
            sink.consume(order.interruption());
            sink.consume(order.open());
            sink.consume(order.subject());
        }
        return order;
    }
}
