package io.vocstream.streams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StateCodecTest {
    private static final byte VERSION = 3;

    /** Every kind of component the codec writes. */
    private record Sample(String text, Long optionalLong, Double optionalDouble, DayOfWeek day, Set<String> tags,
                          List<String> names, List<Sample> children, byte[] nested, int small, long big) {
    }

    private static void write(StateCodec.Writer out, Sample s) {
        out.putString(s.text()).putNullable(s.optionalLong(), StateCodec.Writer::putLong)
                .putNullable(s.optionalDouble(), StateCodec.Writer::putDouble).putEnum(s.day())
                .putStrings(s.tags()).putStrings(s.names()).putList(s.children(), StateCodecTest::write)
                .putBytes(s.nested()).putInt(s.small()).putLong(s.big());
    }

    private static Sample read(StateCodec.Reader in) {
        return new Sample(in.getString(), in.getNullable(StateCodec.Reader::getLong),
                in.getNullable(StateCodec.Reader::getDouble), in.getEnum(DayOfWeek.class), in.getStringSet(),
                in.getStringList(), in.getList(StateCodecTest::read), in.getBytes(), in.getInt(), in.getLong());
    }

    private static final Serde<Sample> SERDE = StateCodec.serde("sample", VERSION, StateCodecTest::write,
            StateCodecTest::read);

    private static Sample leaf(String text) {
        return new Sample(text, null, null, null, Set.of(), List.of(), List.of(), new byte[0], 0, 0);
    }

    private static byte[] bytes(Sample s) {
        return SERDE.serializer().serialize("t", s);
    }

    private static Sample roundTrip(Sample s) {
        return SERDE.deserializer().deserialize("t", bytes(s));
    }

    private static void assertSame(Sample expected, Sample actual) {
        assertEquals(expected.text(), actual.text());
        assertEquals(expected.optionalLong(), actual.optionalLong());
        assertEquals(expected.optionalDouble(), actual.optionalDouble());
        assertEquals(expected.day(), actual.day());
        assertEquals(expected.tags(), actual.tags());
        assertEquals(expected.names(), actual.names());
        assertEquals(expected.children().size(), actual.children().size());
        for (int i = 0; i < expected.children().size(); i++) {
            assertSame(expected.children().get(i), actual.children().get(i));
        }
        assertArrayEquals(expected.nested(), actual.nested());
        assertEquals(expected.small(), actual.small());
        assertEquals(expected.big(), actual.big());
    }

    @Test
    @DisplayName("every component survives the round trip: nulls, extremes, any Unicode, nesting")
    void componentsSurviveTheRoundTrip() {
        Sample full = new Sample("Zürich – 東京 🚀", Long.MIN_VALUE, -0.0, DayOfWeek.SUNDAY, Set.of("", "ä", "b@1"),
                List.of("x", "x", "ß"), List.of(leaf(null), leaf("")), new byte[] {1, 2, -1}, Integer.MIN_VALUE,
                Long.MAX_VALUE);
        assertSame(full, roundTrip(full));
        assertSame(leaf(null), roundTrip(leaf(null)));
        Sample present = new Sample("", 0L, Double.NaN, DayOfWeek.MONDAY, Set.of(), List.of(), List.of(),
                new byte[0], 1, Long.MIN_VALUE);
        assertSame(present, roundTrip(present));
    }

    @Test
    @DisplayName("a value larger than the first buffer grows it")
    void largeValuesGrowTheBuffer() {
        String longText = "é".repeat(5_000);
        Sample large = new Sample(longText, 1L, 2.5, DayOfWeek.FRIDAY, Set.of(longText), List.of(longText),
                List.of(leaf(longText)), new byte[700], 7, 8);
        assertSame(large, roundTrip(large));
        // each of the four texts: a length and 10,000 bytes (two per é); the leaf's other components take 34 bytes
        int text = 4 + 10_000;
        assertEquals(1 + text + 9 + 9 + (4 + 6) + (4 + text) + (4 + text) + (4 + text + 34) + (4 + 700) + 4 + 8,
                bytes(large).length);
    }

    @Test
    @DisplayName("the layout is as documented: version byte, length-prefixed UTF-8, -1 for null, presence bytes")
    void layoutIsAsDocumented() {
        Sample s = new Sample("é", null, null, DayOfWeek.MONDAY, Set.of(), List.of(), List.of(), new byte[0], 5,
                -1L);
        byte[] expected = {
            VERSION,
            0, 0, 0, 2, (byte) 0xC3, (byte) 0xA9,            // "é" in UTF-8
            0,                                              // optional long absent
            0,                                              // optional double absent
            0, 0, 0, 6, 'M', 'O', 'N', 'D', 'A', 'Y',       // the enum by name
            0, 0, 0, 0,                                     // no tags
            0, 0, 0, 0,                                     // no names
            0, 0, 0, 0,                                     // no children
            0, 0, 0, 0,                                     // no nested bytes
            0, 0, 0, 5,
            -1, -1, -1, -1, -1, -1, -1, -1,
        };
        assertArrayEquals(expected, bytes(s));
        assertArrayEquals(new byte[] {VERSION, -1, -1, -1, -1}, StateCodec.write(VERSION,
                (out, text) -> out.putString(text), (String) null));
    }

    @Test
    void nullStaysNullForTombstones() {
        assertNull(SERDE.serializer().serialize("t", null));
        assertNull(SERDE.deserializer().deserialize("t", null));
    }

    @Test
    @DisplayName("another version is refused, naming the value and both versions")
    void unknownVersionIsRefused() {
        byte[] bytes = bytes(leaf("a"));
        bytes[0] = 58; // ':' opens a Smile document
        SerializationException e = assertThrows(SerializationException.class,
                () -> SERDE.deserializer().deserialize("t", bytes));
        assertEquals("sample of unknown version 58 (this code reads version 3)", e.getMessage());
    }

    @Test
    @DisplayName("every truncation, down to no bytes, is refused as truncated")
    void truncatedBytesAreRefused() {
        byte[] bytes = bytes(new Sample("abc", 4L, 1.0, DayOfWeek.MONDAY, Set.of("t"), List.of("n"),
                List.of(leaf("c")), new byte[] {9}, 1, 2));
        for (int length = 0; length < bytes.length; length++) {
            byte[] prefix = Arrays.copyOf(bytes, length);
            SerializationException e = assertThrows(SerializationException.class,
                    () -> SERDE.deserializer().deserialize("t", prefix), "a prefix of " + length + " bytes");
            assertTrue(e.getMessage().startsWith("truncated sample"), e.getMessage());
        }
    }

    @Test
    @DisplayName("corrupt lengths, markers, enum names, duplicates and left-over bytes are refused with the reason")
    void corruptBytesAreRefused() {
        byte[] good = bytes(leaf("ab"));
        byte[] leftOver = Arrays.copyOf(good, good.length + 2);
        assertMessage("corrupt sample: 2 of its " + leftOver.length + " bytes are left over", leftOver);

        byte[] negativeLength = good.clone();
        negativeLength[1] = -1; // the text's length becomes -2 (-1 is null)
        negativeLength[2] = -1;
        negativeLength[3] = -1;
        negativeLength[4] = -2;
        assertMessage("corrupt sample (" + good.length + " bytes): string length -2", negativeLength);

        byte[] badPresence = good.clone();
        badPresence[7] = 7; // after the version and "ab": the optional long's presence byte
        assertMessage("corrupt sample (" + good.length + " bytes): presence byte 7", badPresence);

        byte[] unknownDay = bytes(new Sample(null, null, null, DayOfWeek.MONDAY, Set.of(), List.of(), List.of(),
                new byte[0], 0, 0));
        unknownDay[16] = 'X'; // version, null text, two absent optionals, length 6, MONDA: Y is at 16
        assertMessage("corrupt sample (" + unknownDay.length + " bytes): no DayOfWeek named MONDAX", unknownDay);

        byte[] twoTags = bytes(new Sample(null, null, null, null, Set.of("a", "b"), List.of(), List.of(),
                new byte[0], 0, 0));
        twoTags[24] = twoTags[19]; // version, null text, two absent optionals, null enum, 2, length 1, the first tag
        SerializationException duplicate = assertThrows(SerializationException.class,
                () -> SERDE.deserializer().deserialize("t", twoTags));
        assertTrue(duplicate.getMessage().startsWith("corrupt sample (" + twoTags.length + " bytes): duplicate"),
                duplicate.getMessage());
    }

    private static final Serde<NavigableMap<String, Long>> COUNTS = StateCodec.serde("counts", VERSION,
            (out, counts) -> out.putMap(counts, StateCodec.Writer::putString, StateCodec.Writer::putLong),
            in -> in.getSortedMap(StateCodec.Reader::getString, StateCodec.Reader::getLong));

    @Test
    @DisplayName("a map is its size and each key and value, read back sorted by key; a key read twice is refused")
    void maps() {
        NavigableMap<String, Long> counts = new TreeMap<>(Map.of("w-2", -3L, "w-1", Long.MAX_VALUE, "é", 0L));
        assertEquals(counts, COUNTS.deserializer().deserialize("t", COUNTS.serializer().serialize("t", counts)));
        assertEquals(Map.of(), COUNTS.deserializer().deserialize("t",
                COUNTS.serializer().serialize("t", new TreeMap<>())));

        byte[] oneEntry = {VERSION, 0, 0, 0, 1, 0, 0, 0, 1, 'a', 0, 0, 0, 0, 0, 0, 0, 7};
        assertArrayEquals(oneEntry, COUNTS.serializer().serialize("t", new TreeMap<>(Map.of("a", 7L))));

        byte[] keyTwice = StateCodec.write(VERSION,
                (out, key) -> out.putInt(2).putString(key).putLong(1).putString(key).putLong(2), "a");
        SerializationException e = assertThrows(SerializationException.class,
                () -> COUNTS.deserializer().deserialize("t", keyTwice));
        assertEquals("corrupt counts (" + keyTwice.length + " bytes): duplicate map key a", e.getMessage());
    }

    private static void assertMessage(String expected, byte[] bytes) {
        SerializationException e = assertThrows(SerializationException.class,
                () -> SERDE.deserializer().deserialize("t", bytes));
        assertEquals(expected, e.getMessage());
    }
}
