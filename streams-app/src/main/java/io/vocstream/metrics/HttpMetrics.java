package io.vocstream.metrics;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Histogram;
import io.vocstream.http.ApiRoutes;

/**
 * HTTP latency per route: a before handler notes when a request starts and an after handler (which runs also after
 * an exception was mapped to an error response) observes its duration. The {@code route} label is the matched path
 * template ({@code /api/v1/queues/{queue}}), never the requested path, so ids in paths never become label values;
 * a request no route matches counts under {@code unmatched}.
 */
public final class HttpMetrics implements ApiRoutes {
    public static final String UNMATCHED = "unmatched";
    private static final String STARTED = HttpMetrics.class.getName() + ".started";

    private final Histogram latency;

    public HttpMetrics(CollectorRegistry registry) {
        this.latency = Histogram.build()
                .name("vocstream_http_request_duration_seconds")
                .help("HTTP request latency by method, route template and status code")
                .labelNames("method", "route", "status")
                .buckets(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
                .register(registry);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        routes.after(this::observe);
    }

    private void observe(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        latency.labels(ctx.method().name(), endpoint == null ? UNMATCHED : endpoint.path,
                        String.valueOf(ctx.statusCode()))
                .observe((System.nanoTime() - started) / 1e9);
    }
}
