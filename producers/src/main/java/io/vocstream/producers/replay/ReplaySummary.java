package io.vocstream.producers.replay;

import io.vocstream.schemas.EventTopic;
import java.util.Map;

/**
 * What a replay did.
 *
 * @param valid     valid lines read
 * @param invalid   invalid lines found (with the default policy at most one: the run stops there)
 * @param published events published (0 when validating only, or when stopped by an invalid line)
 * @param perTopic  published events per topic
 */
public record ReplaySummary(long valid, long invalid, long published, Map<EventTopic, Long> perTopic) {
}
