package io.vocstream.producers.sim;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Local wall-clock time in the configured zone, cheap enough to ask for every arrival: the zone offset is cached
 * until the next transition, so days of 23 or 25 hours (DST) are handled without a ZonedDateTime per call.
 */
final class LocalCalendar {
    static final long DAY_MILLIS = 86_400_000L;

    private final ZoneId zone;
    private final ZoneRules rules;
    private long offsetValidFrom = Long.MAX_VALUE;
    private long offsetValidUntil = Long.MIN_VALUE;
    private long offsetMillis;

    LocalCalendar(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
    }

    ZoneId zone() {
        return zone;
    }

    /** Hours since local midnight, 0 (inclusive) to 24 (exclusive; 23 or 25-hour days wrap at local midnight). */
    double hourOfDay(long epochMillis) {
        return Math.floorMod(localMillis(epochMillis), DAY_MILLIS) / 3_600_000.0;
    }

    DayOfWeek dayOfWeek(long epochMillis) {
        long epochDay = Math.floorDiv(localMillis(epochMillis), DAY_MILLIS);
        return DayOfWeek.of(Math.floorMod(epochDay + 3, 7) + 1); // 1970-01-01 was a Thursday
    }

    LocalDate date(long epochMillis) {
        return LocalDate.ofEpochDay(Math.floorDiv(localMillis(epochMillis), DAY_MILLIS));
    }

    /** The instant of a local date and time (the later offset in a gap, the earlier in an overlap). */
    long epochMillisAt(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, zone).toInstant().toEpochMilli();
    }

    private long localMillis(long epochMillis) {
        if (epochMillis < offsetValidFrom || epochMillis >= offsetValidUntil) {
            Instant instant = Instant.ofEpochMilli(epochMillis);
            offsetMillis = rules.getOffset(instant).getTotalSeconds() * 1000L;
            ZoneOffsetTransition next = rules.nextTransition(instant);
            offsetValidFrom = epochMillis;
            offsetValidUntil = next == null ? Long.MAX_VALUE : next.getInstant().toEpochMilli();
        }
        return epochMillis + offsetMillis;
    }
}
