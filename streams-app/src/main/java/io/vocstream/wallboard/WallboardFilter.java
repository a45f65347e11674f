package io.vocstream.wallboard;

import io.javalin.http.Context;
import io.vocstream.http.BadParameterException;
import io.vocstream.http.Params;

/**
 * What a board shows: everything, one region or one queue. Satisfaction and the complaint rate follow the filter
 * (their slices of dimension {@code region} or {@code queue}); queue tiles follow a queue filter, open alerts a region
 * filter; the rest is always the whole service.
 *
 * @param dimension {@code all}, {@code region} or {@code queue}
 * @param value     the region or queue; {@code all} for the whole service
 */
public record WallboardFilter(String dimension, String value) {
    public static final String ALL = "all";
    public static final String REGION = "region";
    public static final String QUEUE = "queue";
    public static final WallboardFilter EVERYTHING = new WallboardFilter(ALL, ALL);
    private static final int MAX_LENGTH = 200;

    /** The filter of a request's {@code region} or {@code queue} parameter (at most one of them). */
    static WallboardFilter of(Context ctx) {
        String region = Params.optional(ctx, REGION);
        String queue = Params.optional(ctx, QUEUE);
        if (region != null && queue != null) {
            throw new BadParameterException(QUEUE, "cannot be combined with 'region': the figures are sliced by one "
                    + "dimension at a time");
        }
        return region != null ? named(REGION, region) : queue != null ? named(QUEUE, queue) : EVERYTHING;
    }

    private static WallboardFilter named(String dimension, String value) {
        if (value.length() > MAX_LENGTH) {
            throw new BadParameterException(dimension, "must be a " + dimension + " name of at most " + MAX_LENGTH
                    + " characters, got " + value.length());
        }
        return new WallboardFilter(dimension, value);
    }

    boolean isEverything() {
        return dimension.equals(ALL);
    }
}
