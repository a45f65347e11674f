package io.vocstream.repair;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.vocstream.buckets.SliceKeys;
import io.vocstream.config.AppConfig;
import io.vocstream.http.ApiRoutes;
import io.vocstream.http.BadParameterException;
import io.vocstream.http.Params;
import io.vocstream.query.InstanceRouter;
import io.vocstream.time.BucketSize;
import io.vocstream.time.SeriesStep;
import io.vocstream.time.TimeRange;
import io.vocstream.time.WindowName;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * {@code /api/v1/repairs}: repair figures per slice and window, open orders now, an order's lifecycle and the
 * orders behind an aggregate, answered cluster-wide from every instance's partials.
 */
public final class RepairRoutes implements ApiRoutes {
    public static final String BASE = "/api/v1/repairs";
    static final int MAX_PAGE = 500;

    private final InstanceRouter router;
    private final RepairConfig config;
    private final RepairQueries queries;

    public RepairRoutes(InstanceRouter router, AppConfig app) {
        this.router = router;
        this.config = RepairConfig.from(app);
        this.queries = new RepairQueries(new RouterStores(router));
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(BASE, this::slices);
        routes.get(BASE + "/slices/{dimension}/{value}", this::slice);
        routes.get(BASE + "/series/{dimension}/{value}", this::series);
        routes.get(BASE + "/open", this::open);
        routes.get(BASE + "/orders", this::orders);
        routes.get(BASE + "/orders/{workOrderId}", this::lifecycle);
    }

    @Override
    public String openApiFragment() {
        return "/openapi/repair.json";
    }

    private void slices(Context ctx) {
        String dimension = Params.oneOf(ctx, "dimension", SliceKeys.ALL, RepairQueries.DIMENSIONS);
        WindowName window = window(ctx);
        TimeRange range = window.resolve(at(ctx), config.zone());
        router.answer(ctx, RepairTopology.statsStores(window.bucketSize()), RepairQueries.SlicePartial.class,
                () -> queries.slicesOf(dimension, range),
                partials -> RepairQueries.figures(partials, range, config));
    }

    private void slice(Context ctx) {
        String dimension = dimension(ctx.pathParam("dimension"));
        String sliceKey = SliceKeys.of(dimension, ctx.pathParam("value"));
        WindowName window = window(ctx);
        TimeRange range = window.resolve(at(ctx), config.zone());
        router.answer(ctx, RepairTopology.statsStores(window.bucketSize()), RepairQueries.SlicePartial.class,
                () -> queries.sliceOf(sliceKey, range),
                partials -> RepairQueries.figures(partials, range, config));
    }

    private void series(Context ctx) {
        String dimension = dimension(ctx.pathParam("dimension"));
        String sliceKey = SliceKeys.of(dimension, ctx.pathParam("value"));
        WindowName window = window(ctx);
        String rawStep = Params.optional(ctx, "step");
        SeriesStep step = rawStep == null ? SeriesStep.MINUTE : SeriesStep.parse("step", rawStep);
        if (step == SeriesStep.MINUTE && window == WindowName.ROLLING_7D) {
            throw new BadParameterException("step", "must be 1h for window " + window.parameterValue()
                    + " (minute buckets are kept for a day)");
        }
        TimeRange range = window.resolve(at(ctx), config.zone());
        router.answer(ctx, RepairTopology.statsStores(step.bucketSize()), RepairQueries.StepPartial.class,
                () -> queries.seriesOf(sliceKey, range, step.length(), step.bucketSize()),
                partials -> RepairQueries.seriesFigures(partials, sliceKey, step.length(), config).stream()
                        .map(f -> new RepairSeriesStep(f.from(), f)).toList());
    }

    private void open(Context ctx) {
        String dimension = Params.oneOf(ctx, "dimension", SliceKeys.ALL, RepairQueries.DIMENSIONS);
        Instant at = at(ctx);
        router.answer(ctx, RepairTopology.OPEN_STORE, RepairQueries.OpenPartial.class,
                () -> queries.openOf(dimension, at), partials -> RepairQueries.openFigures(partials, at, config));
    }

    private void orders(Context ctx) {
        String dimension = Params.oneOf(ctx, "dimension", SliceKeys.ALL, RepairQueries.DIMENSIONS);
        String value = dimension.equals(SliceKeys.ALL) ? SliceKeys.ALL : Params.required(ctx, "value");
        WindowName window = window(ctx);
        TimeRange range = window.resolve(at(ctx), config.zone());
        RepairQueries.OrderFilter filter = RepairQueries.OrderFilter.valueOf(Params.oneOf(ctx, "filter", "all",
                Arrays.stream(RepairQueries.OrderFilter.values())
                        .map(RepairQueries.OrderFilter::parameterValue).toList()).toUpperCase());
        int offset = Params.intIn(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = Params.intIn(ctx, "limit", 50, 1, MAX_PAGE);
        router.answer(ctx, RepairTopology.ORDERS_STORE, RepairQueries.OrderSummary.class,
                () -> queries.ordersOf(SliceKeys.of(dimension, value), range, filter),
                all -> new InstanceRouter.WithHeaders(RepairQueries.page(all, offset, limit),
                        Map.of("X-Total-Count", String.valueOf(all.size()))));
    }

    private void lifecycle(Context ctx) {
        String id = ctx.pathParam("workOrderId");
        router.answer(ctx, RepairTopology.ORDERS_STORE, RepairQueries.Lifecycle.class, () -> queries.lifecycleOf(id),
                found -> found.stream().findFirst()
                        .orElseThrow(() -> new NotFoundResponse("no work order '" + id + "' is known")));
    }

    /** A dimension named in the path. */
    private static String dimension(String raw) {
        if (!RepairQueries.DIMENSIONS.contains(raw)) {
            throw new BadParameterException("dimension", "must be one of " + String.join(", ",
                    RepairQueries.DIMENSIONS) + ", got '" + raw + "'");
        }
        return raw;
    }

    private static WindowName window(Context ctx) {
        String raw = Params.optional(ctx, "window");
        return raw == null ? WindowName.ROLLING_24H : WindowName.parse("window", raw);
    }

    private static Instant at(Context ctx) {
        return Params.instant(ctx, "at", Instant.now());
    }

    /** This instance's stores, through the router (a 503 while they restore or migrate). */
    public record RouterStores(InstanceRouter router) implements RepairQueries.LocalStores {
        @Override
        public List<ReadOnlyWindowStore<String, RepairStats>> stats(BucketSize size) {
            return RepairTopology.statsStores(size).stream().map(name -> router.<ReadOnlyWindowStore<String,
                    RepairStats>>localStore(name, QueryableStoreTypes.windowStore())).toList();
        }

        @Override
        public ReadOnlyKeyValueStore<String, WorkOrder> orders() {
            return router.localStore(RepairTopology.ORDERS_STORE, QueryableStoreTypes.keyValueStore());
        }

        @Override
        public ReadOnlyKeyValueStore<String, OpenOrder> open() {
            return router.localStore(RepairTopology.OPEN_STORE, QueryableStoreTypes.keyValueStore());
        }

        @Override
        public ReadOnlyKeyValueStore<String, Interruption> interruptions() {
            return router.localStore(RepairTopology.INTERRUPTIONS_STORE, QueryableStoreTypes.keyValueStore());
        }
    }
}
