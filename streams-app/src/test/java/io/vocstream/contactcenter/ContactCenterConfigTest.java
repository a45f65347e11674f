package io.vocstream.contactcenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.config.AppConfig;
import io.vocstream.config.ConfigException;
import io.vocstream.config.Settings;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContactCenterConfigTest {

    private static ContactCenterConfig config(Map<String, String> settings) {
        Map<String, String> raw = new HashMap<>(Map.of(AppConfig.BOOTSTRAP_SERVERS, "unused:9092",
                AppConfig.SCHEMA_REGISTRY_URL, "http://unused:8081"));
        raw.putAll(settings);
        return ContactCenterConfig.from(AppConfig.from(Settings.of(raw, "test")));
    }

    @Test
    @DisplayName("a queue's day follows its own zone; other queues follow time.zone")
    void queueTimeZones() {
        ContactCenterConfig c = config(Map.of(AppConfig.TIME_ZONE, "Europe/London",
                ContactCenterConfig.TIME_ZONE + "sales", "America/New_York"));
        assertEquals(ZoneId.of("America/New_York"), c.zoneOf("sales"));
        assertEquals(ZoneId.of("Europe/London"), c.zoneOf("billing"));
    }

    @Test
    @DisplayName("an IVR line's day follows its own zone, apart from a queue of the same name")
    void ivrTimeZones() {
        ContactCenterConfig c = config(Map.of(AppConfig.TIME_ZONE, "Europe/London",
                ContactCenterConfig.IVR_TIME_ZONE + "main", "Asia/Kolkata"));
        assertEquals(ZoneId.of("Asia/Kolkata"), c.ivrZoneOf("main"));
        assertEquals(ZoneId.of("Europe/London"), c.ivrZoneOf("other"));
        assertEquals(ZoneId.of("Europe/London"), c.zoneOf("main"), "a queue named main keeps time.zone");
        assertFalse(c.declares("main"), "an IVR line's zone declares no queue");
    }

    @Test
    @DisplayName("a queue is declared by a rule or a zone of its own")
    void declaredQueues() {
        ContactCenterConfig c = config(Map.of(ContactCenterConfig.TIME_ZONE + "sales", "UTC",
                ContactCenterConfig.SERVICE_LEVEL + "vip", "threshold=10s formula=answered"));
        assertTrue(c.declares("sales"));
        assertTrue(c.declares("vip"));
        assertFalse(c.declares("billing"));
    }

    @Test
    @DisplayName("how long surveys wait for their contact's handler: a week unless set; a bad value names the setting")
    void surveyLinkMemory() {
        assertEquals(Duration.ofDays(7), config(Map.of()).surveyLinkMemory());
        assertEquals(Duration.ofDays(2), config(Map.of(ContactCenterConfig.SURVEY_LINK_MEMORY, "P2D"))
                .surveyLinkMemory());
        ConfigException e = assertThrows(ConfigException.class,
                () -> config(Map.of(ContactCenterConfig.SURVEY_LINK_MEMORY, "-PT1H")));
        assertTrue(e.getMessage().contains("contactcenter.survey-link-memory"), e.getMessage());
    }

    @Test
    @DisplayName("an unknown zone is refused, naming the setting")
    void badTimeZone() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> config(Map.of(ContactCenterConfig.TIME_ZONE + "sales", "Mars/Olympus")));
        assertTrue(e.getMessage().contains("contactcenter.time-zone.sales"), e.getMessage());
        ConfigException ivr = assertThrows(ConfigException.class,
                () -> config(Map.of(ContactCenterConfig.IVR_TIME_ZONE + "main", "Mars/Olympus")));
        assertTrue(ivr.getMessage().contains("contactcenter.ivr.time-zone.main"), ivr.getMessage());
    }
}
