package io.vocstream.satisfaction;

import java.time.Instant;

/** One step of a slice's series as one instance holds it; partials of the same step merge. */
public record SeriesPartial(Instant time, SatisfactionStats stats) {
}
