package io.vocstream.metrics;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Bounds the values of one label: the {@code top} values with the largest size keep their own label value and every
 * other value is counted under {@link #OTHER}, so a family has at most {@code top + 1} values of the label however
 * many slices the state holds. The cap relabels partial statistics before they are merged, so the capability's own
 * merge combines the values behind {@code other} exactly as it combines the partials of any one slice.
 */
public record LabelCap(int top) {
    public static final String OTHER = "other";

    public LabelCap {
        if (top < 1) {
            throw new IllegalArgumentException("a label cap keeps at least one value, got " + top);
        }
    }

    /**
     * @param valueOf the label value a partial counts under
     * @param sizeOf  what ranks the values: the sum over a value's partials
     * @param relabel the same partial counted under another label value
     * @return the partials, those of values outside the top relabelled {@link #OTHER}
     */
    public <P> List<P> apply(List<P> partials, Function<P, String> valueOf, ToLongFunction<P> sizeOf,
                             BiFunction<P, String, P> relabel) {
        Map<String, Long> sizes = new HashMap<>();
        partials.forEach(p -> sizes.merge(valueOf.apply(p), sizeOf.applyAsLong(p), Long::sum));
        if (sizes.size() <= top) {
            return partials;
        }
        Set<String> kept = sizes.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(top).map(Map.Entry::getKey).collect(Collectors.toSet());
        return partials.stream().map(p -> kept.contains(valueOf.apply(p)) ? p : relabel.apply(p, OTHER)).toList();
    }
}
