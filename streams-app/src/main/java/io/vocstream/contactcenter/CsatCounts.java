package io.vocstream.contactcenter;

import io.vocstream.buckets.Mergeable;

/**
 * CSAT answers (1 very dissatisfied .. 5 very satisfied) counted per score: a histogram that merges across buckets,
 * partitions and instances, from which the mean and the satisfied share of any window follow exactly.
 */
public record CsatCounts(long one, long two, long three, long four, long five) implements Mergeable<CsatCounts> {
    public static final CsatCounts EMPTY = new CsatCounts(0, 0, 0, 0, 0);

    /** One answer; the score is validated on input (1..5). */
    static CsatCounts of(int csat) {
        return switch (csat) {
            case 1 -> new CsatCounts(1, 0, 0, 0, 0);
            case 2 -> new CsatCounts(0, 1, 0, 0, 0);
            case 3 -> new CsatCounts(0, 0, 1, 0, 0);
            case 4 -> new CsatCounts(0, 0, 0, 1, 0);
            case 5 -> new CsatCounts(0, 0, 0, 0, 1);
            default -> throw new IllegalArgumentException("CSAT must be 1..5, got " + csat);
        };
    }

    @Override
    public CsatCounts merge(CsatCounts o) {
        return new CsatCounts(one + o.one, two + o.two, three + o.three, four + o.four, five + o.five);
    }

    /** The counts taken away: merged into a bucket, removes answers counted there before. */
    CsatCounts negated() {
        return new CsatCounts(-one, -two, -three, -four, -five);
    }

    /** Answers counted: the n of the mean and the share. */
    public long n() {
        return one + two + three + four + five;
    }

    /** Mean score; {@code null} when n = 0. */
    public Double mean() {
        return QueueFigures.ratio(one + 2 * two + 3 * three + 4 * four + 5 * five, n());
    }

    /** Share of answers 4 or 5 ("top-2 box"); {@code null} when n = 0. */
    public Double satisfiedShare() {
        return QueueFigures.ratio(four + five, n());
    }
}
