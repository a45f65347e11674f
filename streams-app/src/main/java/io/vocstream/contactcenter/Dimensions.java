package io.vocstream.contactcenter;

import io.vocstream.buckets.SliceKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * The slicing dimensions of a contact besides its queue; {@code null} where the events do not carry one.
 * Customer ids are not among them: they never become slices.
 */
public record Dimensions(String channel, String region, String segment) {
    /** The dimensions a queue's figures can be sliced by. */
    public static final List<String> NAMES = List.of("channel", "region", "segment");

    /** This one's values, falling back to {@code other}'s where this one has none. */
    Dimensions orElse(Dimensions other) {
        return new Dimensions(channel != null ? channel : other.channel, region != null ? region : other.region,
                segment != null ? segment : other.segment);
    }

    /** Slice keys under a queue: {@code all=all} and {@code dimension=value} for each dimension
     * ({@code unknown} where the events do not say), so every contact counts in every dimension. */
    List<String> slices() {
        List<String> slices = new ArrayList<>(1 + NAMES.size());
        slices.add(SliceKeys.all());
        slices.add(SliceKeys.of("channel", channel));
        slices.add(SliceKeys.of("region", region));
        slices.add(SliceKeys.of("segment", segment));
        return slices;
    }
}
