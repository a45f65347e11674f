package io.vocstream.repair;

import io.vocstream.config.AppConfig;
import io.vocstream.config.Settings;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code repair.*} settings (documented in docs/repair.md).
 *
 * @param technicianTop  how many technicians a by-technician answer lists (the most orders first)
 * @param customersByRegion the customer base of each region, for outages and interruption per customer
 * @param repeatWindow   a new order for the same asset or customer within this time of an earlier one's creation
 *                       is a repeat repair
 * @param returnWindow   a new order or a reopen within this time of a completion is a return
 * @param orderRetention how long a closed or cancelled order is kept after its last event (lifecycle, drill-down)
 * @param zone           the zone of calendar windows (today, intervals)
 */
public record RepairConfig(int technicianTop, Map<String, Long> customersByRegion, Duration repeatWindow,
                           Duration returnWindow, Duration orderRetention, ZoneId zone) {
    public static final String TECHNICIAN_TOP = "repair.technicians.top";
    public static final String CUSTOMERS_PREFIX = "repair.customers.";
    public static final String REPEAT_WINDOW = "repair.repeat.window";
    public static final String RETURN_WINDOW = "repair.return.window";
    public static final String ORDER_RETENTION = "repair.orders.retention";

    public RepairConfig {
        customersByRegion = Map.copyOf(customersByRegion);
    }

    public static RepairConfig from(AppConfig app) {
        Settings s = app.settings();
        Map<String, Long> customers = new TreeMap<>();
        s.withPrefix(CUSTOMERS_PREFIX).keySet().forEach(region -> customers.put(region,
                s.parsed(CUSTOMERS_PREFIX + region, null, raw -> {
                    long n = Long.parseLong(raw);
                    if (n <= 0) {
                        throw new IllegalArgumentException("a customer base is at least 1");
                    }
                    return n;
                }, "a positive number of customers")));
        Duration repeat = s.duration(REPEAT_WINDOW, Duration.ofDays(30));
        Duration returns = s.duration(RETURN_WINDOW, Duration.ofDays(45));
        Duration retention = s.duration(ORDER_RETENTION, Duration.ofDays(60));
        Duration longest = repeat.compareTo(returns) > 0 ? repeat : returns;
        if (retention.compareTo(longest) < 0) {
            throw s.invalid(ORDER_RETENTION, "at least " + REPEAT_WINDOW + " and " + RETURN_WINDOW + " (" + longest
                    + ")", "an order must be kept as long as a later one can repeat or return to it");
        }
        return new RepairConfig(s.intIn(TECHNICIAN_TOP, 20, 1, 1000), customers, repeat, returns, retention,
                app.timeZone());
    }

    /**
     * The customer base of a slice: a region's configured base, the sum of all configured regions for
     * {@code all=all}; {@code null} where none is configured.
     */
    public Long customerBase(String dimension, String value) {
        if (dimension.equals("region")) {
            return customersByRegion.get(value);
        }
        if (dimension.equals("all") && !customersByRegion.isEmpty()) {
            return customersByRegion.values().stream().mapToLong(Long::longValue).sum();
        }
        return null;
    }
}
