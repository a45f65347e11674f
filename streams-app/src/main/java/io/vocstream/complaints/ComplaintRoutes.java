package io.vocstream.complaints;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.vocstream.buckets.SliceKeys;
import io.vocstream.config.AppConfig;
import io.vocstream.http.ApiRoutes;
import io.vocstream.http.BadParameterException;
import io.vocstream.http.Params;
import io.vocstream.query.InstanceRouter;
import io.vocstream.time.TimeRange;
import io.vocstream.time.WindowName;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code /api/v1/complaints}: KPIs per slice of a dimension over a window, the open backlog, the ids behind an
 * aggregate and one complaint's lifecycle, each answered from every instance's partial state.
 */
public final class ComplaintRoutes implements ApiRoutes {
    public static final String PATH = "/api/v1/complaints";

    private final InstanceRouter router;
    private final ComplaintSettings settings;
    private final ZoneId zone;

    public ComplaintRoutes(InstanceRouter router, AppConfig config) {
        this.router = router;
        this.settings = ComplaintSettings.from(config.settings());
        this.zone = config.timeZone();
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, this::kpis);
        routes.get(PATH + "/backlog", this::backlog);
        routes.get(PATH + "/ids", this::ids);
        routes.get(PATH + "/{id}", this::lifecycle);
    }

    @Override
    public String openApiFragment() {
        return "/openapi/complaints.json";
    }

    private static String dimension(Context ctx) {
        return Params.oneOf(ctx, "dimension", SliceKeys.ALL, ComplaintCase.DIMENSIONS);
    }

    private static WindowName window(Context ctx) {
        String raw = Params.optional(ctx, "window");
        return raw == null ? WindowName.ROLLING_24H : WindowName.parse("window", raw);
    }

    private static Instant at(Context ctx) {
        return Params.instant(ctx, "at", Instant.now());
    }

    private void kpis(Context ctx) {
        String dimension = dimension(ctx);
        WindowName window = window(ctx);
        TimeRange range = window.resolve(at(ctx), zone);
        List<String> stores = ComplaintQueries.kpiStoreNames(window);
        router.answer(ctx, stores, SlicePartial.class,
                () -> ComplaintQueries.slicePartials(
                        name -> router.localStore(name, QueryableStoreTypes.windowStore()), dimension, range),
                partials -> ComplaintQueries.kpiRows(dimension, window, range, partials, settings));
    }

    private void backlog(Context ctx) {
        String dimension = dimension(ctx);
        Instant at = at(ctx);
        router.answer(ctx, ComplaintLifecycles.OPEN_STORE, BacklogPartial.class,
                () -> ComplaintQueries.backlogPartials(
                        router.localStore(ComplaintLifecycles.OPEN_STORE, QueryableStoreTypes.keyValueStore()),
                        dimension, at),
                partials -> ComplaintQueries.backlogRows(dimension, at, partials));
    }

    private void ids(Context ctx) {
        String dimension = dimension(ctx);
        String value = Params.optional(ctx, "value");
        if (value == null && !dimension.equals(SliceKeys.ALL)) {
            throw new BadParameterException("value", "is required with dimension=" + dimension);
        }
        String slice = dimension.equals(SliceKeys.ALL) ? SliceKeys.all() : SliceKeys.of(dimension, value);
        TimeRange range = window(ctx).resolve(at(ctx), zone);
        int page = Params.intIn(ctx, "page", 1, 1, 100_000);
        int size = Params.intIn(ctx, "size", 50, 1, 1_000);
        router.answer(ctx, ComplaintLifecycles.CASES_STORE, ComplaintIdPage.class,
                () -> List.of(ComplaintQueries.localIds(cases(), slice, range, page * size)),
                partials -> ComplaintQueries.idPage(partials, page, size));
    }

    private void lifecycle(Context ctx) {
        String id = ctx.pathParam("id");
        List<ComplaintLifecycle> found = router.gather(ctx, ComplaintLifecycles.CASES_STORE,
                ComplaintLifecycle.class, () -> Optional.ofNullable(cases().get(id)).map(ComplaintLifecycle::of)
                        .stream().toList());
        if (InstanceRouter.SCOPE_LOCAL.equals(ctx.queryParam(InstanceRouter.SCOPE))) {
            ctx.json(found);
        } else if (found.isEmpty()) {
            throw new NotFoundResponse("no complaint with id '" + id + "' (resolved and closed complaints are kept "
                    + "for complaints.lifecycle.retention after their last step)");
        } else {
            ctx.json(found.get(0));
        }
    }

    private ReadOnlyKeyValueStore<String, ComplaintCase> cases() {
        return router.localStore(ComplaintLifecycles.CASES_STORE, QueryableStoreTypes.keyValueStore());
    }
}
