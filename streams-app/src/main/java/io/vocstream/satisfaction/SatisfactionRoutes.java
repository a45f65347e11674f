package io.vocstream.satisfaction;

import io.vocstream.buckets.BucketFamily;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.vocstream.buckets.SliceKeys;
import io.vocstream.config.AppConfig;
import io.vocstream.events.Touchpoint;
import io.vocstream.http.ApiRoutes;
import io.vocstream.http.BadParameterException;
import io.vocstream.http.Params;
import io.vocstream.query.InstanceRouter;
import io.vocstream.time.BucketSize;
import io.vocstream.time.SeriesStep;
import io.vocstream.time.TimeRange;
import io.vocstream.time.WindowName;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * Satisfaction figures over HTTP, under {@code /api/v1/satisfaction}: the slices of a dimension, one slice, a time
 * series, the journey and the linkages. Every route answers from the partial statistics of every instance (a fan-out
 * leg, {@code scope=local}, answers with this instance's partials).
 */
public final class SatisfactionRoutes implements ApiRoutes {
    static final String BASE = "/api/v1/satisfaction";
    /** The most steps one series answers. */
    static final int MAX_SERIES_STEPS = 1500;
    private static final List<String> DIMENSIONS = Arrays.stream(Dimension.values()).map(Dimension::key).toList();
    private static final Map<String, String> LINKAGES = Map.of(
            SatisfactionTopology.WAIT_DIMENSION, SatisfactionTopology.WAIT,
            SatisfactionTopology.COMPLAINT_DIMENSION, SatisfactionTopology.COMPLAINT);

    private final InstanceRouter router;
    private final ZoneId zone;
    private final SatisfactionQueries queries;

    public SatisfactionRoutes(InstanceRouter router, AppConfig config) {
        this.router = router;
        this.zone = config.timeZone();
        this.queries = new SatisfactionQueries(name -> router.localStore(name, QueryableStoreTypes.windowStore()));
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(BASE + "/slices", this::slices);
        routes.get(BASE + "/slice", this::slice);
        routes.get(BASE + "/series", this::series);
        routes.get(BASE + "/journey", this::journey);
        routes.get(BASE + "/linkage", this::linkage);
    }

    @Override
    public String openApiFragment() {
        return "/openapi/satisfaction.json";
    }

    /** The window a request names ({@code window}, default 1h) at its {@code at} (default now). */
    private record Span(TimeRange range, BucketSize size) {
    }

    private Span span(Context ctx) {
        String raw = Params.optional(ctx, "window");
        WindowName window = WindowName.parse("window", raw == null ? WindowName.ROLLING_1H.parameterValue() : raw);
        return new Span(window.resolve(Params.instant(ctx, "at", Instant.now()), zone), window.bucketSize());
    }

    private void slices(Context ctx) {
        String dimension = Params.oneOf(ctx, "dimension", Dimension.ALL.key(), DIMENSIONS);
        Span span = span(ctx);
        router.answer(ctx, BucketFamily.storeName(SatisfactionTopology.SLICES, span.size()), SlicePartial.class,
                () -> queries.slices(SatisfactionTopology.SLICES, dimension, span.range()),
                partials -> SatisfactionQueries.figures(dimension, SatisfactionQueries.mergeSlices(partials)));
    }

    private void slice(Context ctx) {
        String dimension = Params.oneOf(ctx, "dimension", Dimension.ALL.key(), DIMENSIONS);
        String key = SliceKeys.of(dimension, dimension.equals(Dimension.ALL.key()) ? SliceKeys.ALL
                : Params.required(ctx, "value"));
        Span span = span(ctx);
        router.answer(ctx, BucketFamily.storeName(SatisfactionTopology.SLICES, span.size()), SlicePartial.class,
                () -> queries.slice(SatisfactionTopology.SLICES, key, span.range()),
                partials -> SatisfactionQueries.figures(dimension, key, partials));
    }

    private void series(Context ctx) {
        String dimension = Params.oneOf(ctx, "dimension", Dimension.ALL.key(), DIMENSIONS);
        String key = SliceKeys.of(dimension, dimension.equals(Dimension.ALL.key()) ? SliceKeys.ALL
                : Params.required(ctx, "value"));
        String rawStep = Params.optional(ctx, "step");
        SeriesStep step = rawStep == null ? SeriesStep.MINUTE : SeriesStep.parse("step", rawStep);
        Instant to = Params.instant(ctx, "to", Instant.now());
        Instant from = Params.instant(ctx, "from", to.minus(step == SeriesStep.MINUTE ? Duration.ofHours(1)
                : Duration.ofHours(24)));
        if (!from.isBefore(to)) {
            throw new BadParameterException("from", "must be before 'to' (" + to + "), got " + from);
        }
        long steps = Duration.between(from, to).toMillis() / step.length().toMillis() + 1;
        if (steps > MAX_SERIES_STEPS) {
            throw new BadParameterException("from", "the series would have " + steps + " steps of " + step.length()
                    + "; at most " + MAX_SERIES_STEPS);
        }
        // steps start on whole minutes or hours so that they are made of whole buckets
        long stepMillis = step.length().toMillis();
        TimeRange range = new TimeRange(Instant.ofEpochMilli(Math.floorDiv(from.toEpochMilli(), stepMillis)
                * stepMillis), to);
        router.answer(ctx, BucketFamily.storeName(SatisfactionTopology.SLICES, step.bucketSize()),
                SeriesPartial.class, () -> queries.series(SatisfactionTopology.SLICES, key, range, step),
                partials -> SatisfactionQueries.mergeSeries(partials).entrySet().stream()
                        .map(e -> new SeriesRow(e.getKey(),
                                SliceFigures.of(dimension, SliceKeys.valueOf(key), e.getValue())))
                        .toList());
    }

    private void journey(Context ctx) {
        String touchpoint = Dimension.TOUCHPOINT.key();
        Span span = span(ctx);
        router.answer(ctx, BucketFamily.storeName(SatisfactionTopology.SLICES, span.size()), SlicePartial.class,
                () -> queries.slices(SatisfactionTopology.SLICES, touchpoint, span.range()),
                partials -> {
                    Map<Touchpoint, SliceFigures> byTouchpoint = new EnumMap<>(Touchpoint.class);
                    for (SliceFigures f : SatisfactionQueries.figures(touchpoint,
                            SatisfactionQueries.mergeSlices(partials))) {
                        Arrays.stream(Touchpoint.values()).filter(tp -> tp.name().equals(f.value())).findFirst()
                                .ifPresent(tp -> byTouchpoint.put(tp, f));
                    }
                    return JourneyCurve.of(byTouchpoint);
                });
    }

    private void linkage(Context ctx) {
        String by = Params.oneOf(ctx, "by", SatisfactionTopology.WAIT_DIMENSION,
                List.of(SatisfactionTopology.WAIT_DIMENSION, SatisfactionTopology.COMPLAINT_DIMENSION));
        String family = LINKAGES.get(by);
        Span span = span(ctx);
        router.answer(ctx, BucketFamily.storeName(family, span.size()), SlicePartial.class,
                () -> queries.slices(family, by, span.range()),
                partials -> SatisfactionQueries.figures(by, SatisfactionQueries.mergeSlices(partials)));
    }
}
