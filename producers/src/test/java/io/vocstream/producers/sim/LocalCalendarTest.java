package io.vocstream.producers.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LocalCalendarTest {
    private final LocalCalendar berlin = new LocalCalendar(ZoneId.of("Europe/Berlin"));

    @Test
    void localHoursFollowTheClockChangeOfSpring() {
        // 2026-03-29: clocks go from 02:00 (UTC+1) to 03:00 (UTC+2) at 01:00 UTC
        assertEquals(0.5, berlin.hourOfDay(millis("2026-03-28T23:30:00Z")));
        assertEquals(1.5, berlin.hourOfDay(millis("2026-03-29T00:30:00Z")));
        assertEquals(3.5, berlin.hourOfDay(millis("2026-03-29T01:30:00Z")));
        assertEquals(12.0, berlin.hourOfDay(millis("2026-03-29T10:00:00Z")));
        assertEquals(DayOfWeek.SUNDAY, berlin.dayOfWeek(millis("2026-03-29T21:59:00Z")));
        assertEquals(DayOfWeek.MONDAY, berlin.dayOfWeek(millis("2026-03-29T22:00:00Z")));
    }

    @Test
    void answersForEarlierTimesAfterLaterOnes() {
        assertEquals(12.0, berlin.hourOfDay(millis("2026-03-29T10:00:00Z")));
        assertEquals(11.0, berlin.hourOfDay(millis("2026-03-28T10:00:00Z")));
    }

    @Test
    void appointmentSlotsAreLocalTimes() {
        assertEquals(millis("2026-03-30T06:00:00Z"),
                berlin.epochMillisAt(LocalDate.of(2026, 3, 30), LocalTime.of(8, 0)));
        assertEquals(LocalDate.of(2026, 3, 30), berlin.date(millis("2026-03-29T22:30:00Z")));
    }

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
