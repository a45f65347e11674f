package io.vocstream.contactcenter;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/**
 * One row of a queue answer: a queue (or one slice of it) over a window, with the figures "now" where they apply.
 *
 * @param slice  {@code all} for the whole queue, else the value of the dimension asked for
 * @param from   start of the window (inclusive, event time)
 * @param to     end of the window (exclusive)
 * @param now    contacts waiting and agents now; absent on slice rows and interval rows
 */
public record QueueRow(String queue, String slice, String window, Instant from, Instant to,
                       @JsonUnwrapped QueueFigures figures, @JsonUnwrapped QueueNow.Figures now) {
}
