package io.vocstream.complaints;

import java.time.Instant;

/**
 * The open backlog of one slice now: how many complaints are open, how old they are, and how many wait for a first
 * response past their promise. Ages are measured against {@code at}.
 */
public record BacklogRow(String dimension, String value, Instant at, long open, long ageUnder1d, long age1dTo3d,
                         long age3dTo7d, long age7dTo14d, long age14dTo28d, long age28dTo56d, long age56dOrMore,
                         long overdueFirstResponse, Double oldestAgeSeconds) {
}
