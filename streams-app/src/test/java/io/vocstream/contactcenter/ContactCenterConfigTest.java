package io.vocstream.contactcenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.config.AppConfig;
import io.vocstream.config.ConfigException;
import io.vocstream.config.Settings;
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
    @DisplayName("an unknown zone is refused, naming the setting")
    void badTimeZone() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> config(Map.of(ContactCenterConfig.TIME_ZONE + "sales", "Mars/Olympus")));
        assertTrue(e.getMessage().contains("contactcenter.time-zone.sales"), e.getMessage());
    }
}
