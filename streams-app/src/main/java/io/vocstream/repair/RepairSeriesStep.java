package io.vocstream.repair;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/**
 * One step of a repair series: its start as {@code time} (what a chart reads as the time field) and the slice's
 * figures over the step, flattened into one JSON object.
 */
public record RepairSeriesStep(Instant time, @JsonUnwrapped RepairFigures figures) {
}
