package io.vocstream.producers.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScenarioTest {

    @Test
    void outageWithAllOptions() {
        assertEquals(new Scenario.Outage("north", Duration.ofMinutes(10), Duration.ofMinutes(30), 5),
                Scenario.parse("outage:region=north,at=PT10M,for=30m,factor=5"));
    }

    @Test
    void outageDefaultsToTwentyMinutesAtEightTimesTheRate() {
        assertEquals(new Scenario.Outage("south", Duration.ZERO, Duration.ofMinutes(20), 8),
                Scenario.parse("outage:region=south"));
    }

    @Test
    void agentShortageDefaultsToHalfTheAgentsForAnHour() {
        assertEquals(new Scenario.AgentShortage("billing", Duration.ofHours(2), Duration.ofHours(1), 0.5),
                Scenario.parse("agent-shortage:queue=billing,at=2h"));
    }

    @Test
    void factoriesGiveTheDefaults() {
        assertEquals(Scenario.parse("outage:region=west,at=PT5M"), Scenario.outage("west", Duration.ofMinutes(5)));
        assertEquals(Scenario.parse("agent-shortage:queue=sales,at=PT5M"),
                Scenario.agentShortage("sales", Duration.ofMinutes(5)));
    }

    @Test
    void mistakesAreNamed() {
        assertEquals("scenario 'flood:region=north': unknown scenario 'flood'; known: outage, agent-shortage",
                message("flood:region=north"));
        assertEquals("scenario 'outage:at=PT1M': outage needs region=...", message("outage:at=PT1M"));
        assertEquals("scenario 'outage:region=north,when=PT1M': unknown outage option 'when'; known: "
                + "[at, factor, for, region]", message("outage:region=north,when=PT1M"));
        assertEquals("scenario 'outage:region=north,at=soon': at: 'soon' is not a duration (ISO-8601 such as "
                + "PT10M or P1D, or a number with ms, s, m, h or d such as 90s)",
                message("outage:region=north,at=soon"));
        assertEquals("scenario 'agent-shortage:queue=billing,lost=1.5': agent-shortage lost share must be between "
                + "0 and 1, not 1.5", message("agent-shortage:queue=billing,lost=1.5"));
        assertEquals("scenario 'outage:region': expected key=value, got 'region'", message("outage:region"));
    }

    @Test
    void settingsRejectRegionsAndQueuesTheWorldDoesNotHave() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SimulationSettings.builder()
                .scenario(Scenario.parse("agent-shortage:queue=complaints")).build());
        assertEquals("unknown queue 'complaints'; known: [billing, outages, repairs, sales, moving]", e.getMessage());
    }

    @Test
    void realtimeRunsCannotStartInThePast() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SimulationSettings.builder()
                .start(SimulationFixtures.MONDAY).build());
        assertEquals("start applies to RATE and FAST pace; REALTIME starts now", e.getMessage());
    }

    private static String message(String spec) {
        return assertThrows(IllegalArgumentException.class, () -> Scenario.parse(spec)).getMessage();
    }
}
