package io.vocstream.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PromQlTest {
    @Test
    @DisplayName("metric names are found; functions, label names, matchers, ranges, numbers and variables are not")
    void metricNamesOnly() {
        assertEquals(Set.of("vocstream_http_request_duration_seconds_bucket"), PromQl.metricNames(
                "histogram_quantile(0.95, sum by (le, route) "
                        + "(rate(vocstream_http_request_duration_seconds_bucket{route=~\"$route\"}[$__rate_interval])))"));
        assertEquals(Set.of("a_metric", "b_n", "c_target"), PromQl.metricNames(
                "sum by (queue) (a_metric{x=\"y{z}\"} * b_n) / 1e3 < on (queue) group_left max(c_target) offset 5m"));
        assertEquals(Set.of("up"), PromQl.metricNames("up{job=\"vocstream\"} == 0"));
    }
}
