package io.vocstream.contactcenter;

import java.util.ArrayList;
import java.util.List;

/**
 * The slicing dimensions of a contact besides its queue; {@code null} where the events do not carry one.
 * Customer ids are not among them: they never become slices.
 */
public record Dimensions(String channel, String region, String segment) {
    public static final String ALL = "all";
    static final List<String> NAMES = List.of(ALL, "channel", "region", "segment");

    /** This one's values, falling back to {@code other}'s where this one has none. */
    Dimensions orElse(Dimensions other) {
        return new Dimensions(channel != null ? channel : other.channel, region != null ? region : other.region,
                segment != null ? segment : other.segment);
    }

    /** Slice names under a queue: {@code all=all} and {@code dimension=value} for each known dimension. */
    List<String> slices() {
        List<String> slices = new ArrayList<>(4);
        slices.add(slice(ALL, ALL));
        if (channel != null) {
            slices.add(slice("channel", channel));
        }
        if (region != null) {
            slices.add(slice("region", region));
        }
        if (segment != null) {
            slices.add(slice("segment", segment));
        }
        return slices;
    }

    static String slice(String dimension, String value) {
        return dimension + "=" + value;
    }
}
