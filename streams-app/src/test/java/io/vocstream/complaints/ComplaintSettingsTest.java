package io.vocstream.complaints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.config.ConfigException;
import io.vocstream.config.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
}
