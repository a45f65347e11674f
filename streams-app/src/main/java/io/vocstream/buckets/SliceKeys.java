package io.vocstream.buckets;

/**
 * Keys of slices: a dimension and a value, {@code region=north}; the whole population is {@code all=all}. Values
 * are kept as given (a missing dimension value is {@code unknown}) so that every event counts in every dimension.
 */
public final class SliceKeys {
    public static final String ALL = "all";
    public static final String UNKNOWN = "unknown";
    private static final char SEPARATOR = '=';
    /** The whole population's key, made once: it is asked for with every event. */
    private static final String ALL_KEY = ALL + SEPARATOR + ALL;

    private SliceKeys() {
    }

    public static String of(String dimension, String value) {
        return dimension + SEPARATOR + (value == null || value.isBlank() ? UNKNOWN : value);
    }

    public static String all() {
        return ALL_KEY;
    }

    /** Prefix of every key of {@code dimension}, for listing its slices. */
    public static String prefixOf(String dimension) {
        return dimension + SEPARATOR;
    }

    /** The value part of a key. */
    public static String valueOf(String key) {
        return key.substring(key.indexOf(SEPARATOR) + 1);
    }
}
