package io.vocstream.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.http.BadParameterException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WindowNameTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    @DisplayName("rolling windows are whole buckets ending with the current one")
    void rolling() {
        Instant now = Instant.parse("2026-11-23T10:17:42Z");
        assertEquals(new TimeRange(Instant.parse("2026-11-23T09:18:00Z"), Instant.parse("2026-11-23T10:18:00Z")),
                WindowName.ROLLING_1H.resolve(now, BERLIN));
        assertEquals(new TimeRange(Instant.parse("2026-11-16T10:30:00Z"), Instant.parse("2026-11-23T10:30:00Z")),
                WindowName.ROLLING_7D.resolve(now, BERLIN));
    }

    @Test
    @DisplayName("today is the local calendar day: 23 hours when clocks go forward, 25 when they go back")
    void todayAcrossDaylightSaving() {
        TimeRange spring = WindowName.TODAY.resolve(Instant.parse("2026-03-29T12:00:00Z"), BERLIN);
        assertEquals(Instant.parse("2026-03-28T23:00:00Z"), spring.from()); // 00:00 CET
        assertEquals(Duration.ofHours(23), Duration.between(spring.from(), spring.to()));
        TimeRange autumn = WindowName.TODAY.resolve(Instant.parse("2026-10-25T12:00:00Z"), BERLIN);
        assertEquals(Instant.parse("2026-10-24T22:00:00Z"), autumn.from()); // 00:00 CEST
        assertEquals(Duration.ofHours(25), Duration.between(autumn.from(), autumn.to()));
    }

    @Test
    @DisplayName("aligned intervals follow the local clock, also in a zone offset by half an hour")
    void alignedIntervals() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata"); // UTC+05:30
        // 10:17 UTC is 15:47 local: the local half hour 15:30-16:00 is 10:00-10:30 UTC
        assertEquals(new TimeRange(Instant.parse("2026-11-23T10:00:00Z"), Instant.parse("2026-11-23T10:30:00Z")),
                WindowName.INTERVAL_30M.resolve(Instant.parse("2026-11-23T10:17:00Z"), kolkata));
        assertEquals(new TimeRange(Instant.parse("2026-11-23T10:15:00Z"), Instant.parse("2026-11-23T10:30:00Z")),
                WindowName.INTERVAL_15M.resolve(Instant.parse("2026-11-23T10:17:00Z"), kolkata));
    }

    @Test
    @DisplayName("an unknown window is a bad parameter that names itself and the choices")
    void badName() {
        BadParameterException e = assertThrows(BadParameterException.class, () -> WindowName.parse("window", "2h"));
        assertEquals("window", e.parameter());
        assertTrue(e.getMessage().contains("15m, 1h, 24h, 7d, today, interval15, interval30"), e.getMessage());
    }
}
