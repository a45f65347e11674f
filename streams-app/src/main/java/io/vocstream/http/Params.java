package io.vocstream.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;

/** Query parameters, checked: a missing or unusable value is a {@link BadParameterException} naming the parameter. */
public final class Params {
    private Params() {
    }

    /** The parameter's value, or {@code null} when absent or empty. */
    public static String optional(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    public static String required(Context ctx, String name) {
        String raw = optional(ctx, name);
        if (raw == null) {
            throw new BadParameterException(name, "is required");
        }
        return raw;
    }

    /** One of {@code allowed}, or {@code defaultValue} when absent. */
    public static String oneOf(Context ctx, String name, String defaultValue, Collection<String> allowed) {
        String raw = optional(ctx, name);
        if (raw == null) {
            return defaultValue;
        }
        if (!allowed.contains(raw)) {
            throw new BadParameterException(name, "must be one of " + String.join(", ", allowed) + ", got '" + raw
                    + "'");
        }
        return raw;
    }

    public static int intIn(Context ctx, String name, int defaultValue, int min, int max) {
        String raw = optional(ctx, name);
        if (raw == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, with the range
        }
        throw new BadParameterException(name, "must be an integer from " + min + " to " + max + ", got '" + raw + "'");
    }

    /** An instant as ISO-8601 ({@code 2026-11-23T10:00:00Z}) or epoch milliseconds (what Grafana sends). */
    public static Instant instant(Context ctx, String name, Instant defaultValue) {
        String raw = optional(ctx, name);
        if (raw == null) {
            return defaultValue;
        }
        try {
            return raw.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(raw))
                    : Instant.parse(raw);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new BadParameterException(name, "must be an ISO-8601 instant such as 2026-11-23T10:00:00Z or epoch "
                    + "milliseconds, got '" + raw + "'");
        }
    }
}
