package io.vocstream.streams;

import java.util.Comparator;

/**
 * Strings in the order of their UTF-8 bytes: the order in which a state store keeps its serialized string keys, and
 * so what a key range means. It is the order of code points; UTF-16 (String's own order) differs only where a
 * supplementary code point (a surrogate pair) meets a character from U+E000 to U+FFFF, which it follows in UTF-8 and
 * precedes in UTF-16.
 */
public final class Utf8Order {
    public static final Comparator<String> COMPARATOR = Utf8Order::compare;

    private Utf8Order() {
    }

    /** Compares as the UTF-8 encodings would, without encoding. */
    public static int compare(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean xSurrogate = Character.isSurrogate(x);
                return xSurrogate == Character.isSurrogate(y) ? Character.compare(x, y) : xSurrogate ? 1 : -1;
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
