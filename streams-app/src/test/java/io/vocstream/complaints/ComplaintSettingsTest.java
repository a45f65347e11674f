package io.vocstream.complaints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.alerts.AlertLifecycle;
import io.vocstream.config.ConfigException;
import io.vocstream.config.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ComplaintSettingsTest {
    private static ComplaintSettings parse(Map<String, String> raw) {
        return ComplaintSettings.from(Settings.of(raw, "test"));
    }

    @Test
    @DisplayName("promises per category fall back to the default promise, 48 h unless set")
    void promises() {
        ComplaintSettings s = parse(Map.of("complaints.first-response.promise.outage", "PT4H"));
        assertEquals(Duration.ofHours(4), s.promiseOf("outage"));
        assertEquals(Duration.ofHours(48), s.promiseOf("billing"));
        assertEquals(Duration.ofHours(24), parse(Map.of("complaints.first-response.promise.default", "PT24H"))
                .promiseOf("billing"));
    }

    @Test
    @DisplayName("customer bases are read per slice key; a slice without one has none")
    void customerBases() {
        ComplaintSettings s = parse(Map.of("complaints.customers.region.north", "120000",
                "complaints.customers.all", "1000000"));
        assertEquals(Optional.of(120_000L), s.customersOf("region=north"));
        assertEquals(Optional.of(1_000_000L), s.customersOf("all=all"));
        assertEquals(Optional.empty(), s.customersOf("region=south"));
    }

    @Test
    @DisplayName("common-issue rules: built-in per category, overridable, the default for the rest")
    void commonIssueRules() {
        ComplaintSettings defaults = ComplaintSettings.defaults();
        assertEquals(new ComplaintSettings.CommonIssueRule(3, Duration.ofMinutes(30)), defaults.commonIssueOf("outage"));
        assertEquals(new ComplaintSettings.CommonIssueRule(5, Duration.ofHours(2)), defaults.commonIssueOf("sales"));
        ComplaintSettings s = parse(Map.of("complaints.common-issue.outage.count", "5",
                "complaints.common-issue.sales.window", "PT6H"));
        assertEquals(new ComplaintSettings.CommonIssueRule(5, Duration.ofMinutes(30)), s.commonIssueOf("outage"));
        assertEquals(new ComplaintSettings.CommonIssueRule(5, Duration.ofHours(6)), s.commonIssueOf("sales"));
    }

    @Test
    @DisplayName("a wrong value is refused naming the setting")
    void errorsNameTheSetting() {
        ConfigException base = assertThrows(ConfigException.class,
                () -> parse(Map.of("complaints.customers.region.north", "-5")));
        assertTrue(base.getMessage().contains("complaints.customers.region.north"), base.getMessage());
        ConfigException promise = assertThrows(ConfigException.class,
                () -> parse(Map.of("complaints.first-response.promise.billing", "two days")));
        assertTrue(promise.getMessage().contains("complaints.first-response.promise.billing"), promise.getMessage());
        ConfigException slice = assertThrows(ConfigException.class,
                () -> parse(Map.of("complaints.customers.north", "100")));
        assertTrue(slice.getMessage().contains("complaints.customers.north"), slice.getMessage());
        ConfigException window = assertThrows(ConfigException.class,
                () -> parse(Map.of("complaints.common-issue.outage.window", "PT0S")));
        assertTrue(window.getMessage().contains("complaints.common-issue.outage.window"), window.getMessage());
    }

    @Test
    @DisplayName("without settings the spike, drift and alert parameters are the documented defaults")
    void spikeAndAlertDefaults() {
        ComplaintSettings s = ComplaintSettings.defaults();
        SpikeSettings spike = s.spike();
        assertEquals(List.of(Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofMinutes(60)),
                spike.scanWindows());
        assertEquals(1e-3, spike.alphaWarning());
        assertEquals(1e-6, spike.alphaCritical());
        assertEquals(0.05, spike.alphaClear());
        assertEquals(5, spike.minCount());
        assertEquals(0.5, spike.floorPerHour());
        assertEquals(4, spike.seasonalWeeks());
        assertEquals(2, spike.seasonalMinWeeks());
        assertEquals(1, spike.fallbackMinHours());
        assertEquals(168, spike.fallbackMaxHours());
        assertEquals(1.5, spike.cusumShift());
        assertEquals(7.0, spike.cusumThreshold());
        assertEquals(new AlertLifecycle(Duration.ofMinutes(30), 1.5), s.alerting());
        assertEquals(Duration.ofDays(7), s.alertRetention());
    }

    @Test
    @DisplayName("every spike, drift and alert parameter is read from its complaints.* key")
    void spikeAndAlertSettings() {
        ComplaintSettings s = parse(Map.ofEntries(
                Map.entry("complaints.spike.windows", "PT15M, PT2H"),
                Map.entry("complaints.spike.pvalue.warning", "0.01"),
                Map.entry("complaints.spike.pvalue.critical", "1e-4"),
                Map.entry("complaints.spike.pvalue.clear", "0.2"),
                Map.entry("complaints.spike.min.count", "3"),
                Map.entry("complaints.spike.min.rate", "0.1"),
                Map.entry("complaints.spike.baseline.weeks", "8"),
                Map.entry("complaints.spike.baseline.min.weeks", "3"),
                Map.entry("complaints.spike.fallback.min.hours", "24"),
                Map.entry("complaints.spike.fallback.max.hours", "336"),
                Map.entry("complaints.drift.shift", "2"),
                Map.entry("complaints.drift.threshold", "5"),
                Map.entry("complaints.alerts.clear.after", "PT1H"),
                Map.entry("complaints.alerts.update.factor", "2"),
                Map.entry("complaints.alerts.retention", "P30D")));
        assertEquals(new SpikeSettings(List.of(Duration.ofMinutes(15), Duration.ofHours(2)), 0.01, 1e-4, 0.2, 3,
                0.1, 8, 3, 24, 336, 2.0, 5.0, Duration.ofMinutes(5)), s.spike());
        assertEquals(new AlertLifecycle(Duration.ofHours(1), 2.0), s.alerting());
        assertEquals(Duration.ofDays(30), s.alertRetention());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "complaints.spike.pvalue.warning | 2 | a p-value above 0 and below 1",
            "complaints.spike.pvalue.clear | none | a p-value above 0 and at most 1",
            "complaints.spike.windows | PT10M,soon | ISO-8601 durations between PT1M and PT24H",
            "complaints.spike.windows | PT10M,P2D | ISO-8601 durations between PT1M and PT24H",
            "complaints.spike.min.count | 0 | an integer between 1 and 1000000",
            "complaints.spike.min.rate | -1 | complaints per hour, above 0",
            "complaints.spike.baseline.weeks | 60 | an integer between 1 and 52",
            "complaints.spike.fallback.min.hours | 0 | an integer between 1 and",
            "complaints.drift.shift | 1 | a rate ratio above 1",
            "complaints.drift.threshold | 0 | a CUSUM threshold above 0",
            "complaints.alerts.clear.after | -PT5M | an ISO-8601 duration",
            "complaints.alerts.update.factor | 1.0 | a growth factor above 1",
            "complaints.alerts.retention | PT0S | a positive ISO-8601 duration",
    })
    @DisplayName("a value out of range is refused naming the setting and what it must be")
    void outOfRangeValues(String key, String value, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(Map.of(key, value)));
        assertTrue(e.getMessage().startsWith("setting '" + key + "' (from test) must be "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    @DisplayName("settings that contradict each other are refused naming both")
    void contradictions() {
        ConfigException order = assertThrows(ConfigException.class,
                () -> parse(Map.of("complaints.spike.pvalue.critical", "0.01")));
        assertEquals("setting 'complaints.spike.pvalue.critical' (0.01) must be at most "
                + "'complaints.spike.pvalue.warning' (0.001)", order.getMessage());
        ConfigException band = assertThrows(ConfigException.class,
                () -> parse(Map.of("complaints.spike.pvalue.warning", "0.1")));
        assertEquals("setting 'complaints.spike.pvalue.warning' (0.1) must be below "
                + "'complaints.spike.pvalue.clear' (0.05)", band.getMessage());
        ConfigException weeks = assertThrows(ConfigException.class,
                () -> parse(Map.of("complaints.spike.baseline.min.weeks", "6")));
        assertEquals("setting 'complaints.spike.baseline.min.weeks' (6) must be at most "
                + "'complaints.spike.baseline.weeks' (4)", weeks.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"complaints.spike.pvalue.warn", "complaints.common-issue.outage.size",
            "complaints.drift", "complaints.first-response.promise."})
    @DisplayName("a complaints.* key that names no setting is refused, not ignored")
    void unknownKeys(String key) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(Map.of(key, "1")));
        assertTrue(e.getMessage().startsWith("unknown setting '" + key + "' (from test); the complaints settings "
                + "are complaints.first-response.promise.<category>"), e.getMessage());
        assertTrue(e.getMessage().contains("complaints.spike.pvalue.warning"), e.getMessage());
    }
}
