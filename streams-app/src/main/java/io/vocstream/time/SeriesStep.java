package io.vocstream.time;

import io.vocstream.http.BadParameterException;
import java.time.Duration;

/** The steps of the time series the HTTP API offers. */
public enum SeriesStep {
    MINUTE("1m", Duration.ofMinutes(1), BucketSize.MINUTE),
    HOUR("1h", Duration.ofHours(1), BucketSize.QUARTER_HOUR);

    private final String parameterValue;
    private final Duration length;
    private final BucketSize bucketSize;

    SeriesStep(String parameterValue, Duration length, BucketSize bucketSize) {
        this.parameterValue = parameterValue;
        this.length = length;
        this.bucketSize = bucketSize;
    }

    public static SeriesStep parse(String parameter, String raw) {
        for (SeriesStep s : values()) {
            if (s.parameterValue.equals(raw)) {
                return s;
            }
        }
        throw new BadParameterException(parameter, "must be 1m or 1h, got '" + raw + "'");
    }

    public Duration length() {
        return length;
    }

    /** The buckets a step is summed from. */
    public BucketSize bucketSize() {
        return bucketSize;
    }
}
