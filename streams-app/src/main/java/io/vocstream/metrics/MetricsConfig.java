package io.vocstream.metrics;

import io.vocstream.config.AppConfig;

/**
 * The {@code metrics.*} settings (docs/metrics.md).
 *
 * @param top how many values of a capped label (region, segment, channel, queue, category) keep their own label
 *            value in one gauge family; the others are counted together under {@code other}
 */
public record MetricsConfig(int top) {
    public static final String TOP = "metrics.top";

    public static MetricsConfig from(AppConfig app) {
        return new MetricsConfig(app.settings().intIn(TOP, 20, 1, 1000));
    }
}
