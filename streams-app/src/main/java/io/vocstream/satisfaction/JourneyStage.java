package io.vocstream.satisfaction;

/**
 * One stage of the journey: its 0–100 index and CSAT mean, the index change from the previous stage that has
 * responses (null for the first such stage or without responses), and whether this is the dive — the largest drop
 * between consecutive stages.
 */
public record JourneyStage(String touchpoint, long n, Double index, long indexN, Double csatMean, long csatN,
                           Double changeFromPrevious, boolean dive) {
}
