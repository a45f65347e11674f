package io.vocstream.satisfaction;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/** One step of a time series: its start and the slice's figures over the step, flattened into one JSON object. */
public record SeriesRow(Instant time, @JsonUnwrapped SliceFigures figures) {
}
