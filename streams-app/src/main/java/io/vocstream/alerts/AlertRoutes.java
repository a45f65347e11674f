package io.vocstream.alerts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.vocstream.http.ApiRoutes;
import io.vocstream.http.Params;
import io.vocstream.query.InstanceRouter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code GET /api/v1/alerts} (open alerts, or the most recent alert of every dimension and rule with
 * {@code status=recent}, newest first) and {@code GET /api/v1/alerts/{id}}, from every instance's alert store.
 */
public final class AlertRoutes implements ApiRoutes {
    public static final String PATH = "/api/v1/alerts";
    /** Latest alert per dimension|rule, open or resolved. */
    public static final String STORE = "alerts";

    private final InstanceRouter router;

    public AlertRoutes(InstanceRouter router) {
        this.router = router;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, this::list);
        routes.get(PATH + "/{id}", this::byId);
    }

    @Override
    public String openApiFragment() {
        return "/openapi/complaints.json";
    }

    private void list(Context ctx) {
        boolean openOnly = Params.oneOf(ctx, "status", "open", List.of("open", "recent")).equals("open");
        int limit = Params.intIn(ctx, "limit", 100, 1, 1000);
        List<Alert> rows = router.gather(ctx, STORE, Alert.class, () -> local(a -> !openOnly || a.isOpen()));
        ctx.json(rows.stream().sorted(Comparator.comparing(Alert::updateTime).reversed()).limit(limit).toList());
    }

    private void byId(Context ctx) {
        String id = ctx.pathParam("id");
        List<Alert> rows = router.gather(ctx, STORE, Alert.class, () -> local(a -> a.id().equals(id)));
        if (InstanceRouter.SCOPE_LOCAL.equals(ctx.queryParam(InstanceRouter.SCOPE))) {
            ctx.json(rows);
        } else if (rows.isEmpty()) {
            throw new NotFoundResponse("no alert with id '" + id + "' (only the latest alert of each dimension and"
                    + " rule is kept)");
        } else {
            ctx.json(rows.get(0));
        }
    }

    private List<Alert> local(Predicate<Alert> wanted) {
        return alerts(router.localStore(STORE, QueryableStoreTypes.keyValueStore()), wanted);
    }

    /** The alerts of this instance's alert store that {@code wanted} accepts. */
    public static List<Alert> alerts(ReadOnlyKeyValueStore<String, Alert> store, Predicate<Alert> wanted) {
        List<Alert> rows = new ArrayList<>();
        try (KeyValueIterator<String, Alert> all = store.all()) {
            all.forEachRemaining((KeyValue<String, Alert> kv) -> {
                if (wanted.test(kv.value)) {
                    rows.add(kv.value);
                }
            });
        }
        return rows;
    }
}
