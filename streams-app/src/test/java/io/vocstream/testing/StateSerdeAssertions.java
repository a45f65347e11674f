package io.vocstream.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;

/** What every binary state serde must do with its own bytes and with bytes that are not a whole value of its own. */
public final class StateSerdeAssertions {
    private static final String TOPIC = "state-changelog";

    private StateSerdeAssertions() {
    }

    /** {@code value} comes back equal after a write and a read. */
    public static <T> void assertRoundTrip(Serde<T> serde, T value) {
        assertEquals(value, serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, value)));
    }

    /**
     * {@code value}'s bytes with another version byte, and every prefix of them down to none, are refused with a
     * message that names {@code what} and the problem.
     */
    public static <T> void assertRefusesForeignAndTruncatedBytes(Serde<T> serde, T value, String what) {
        byte[] bytes = serde.serializer().serialize(TOPIC, value);
        byte[] otherVersion = bytes.clone();
        otherVersion[0] = 9;
        SerializationException version = assertThrows(SerializationException.class,
                () -> serde.deserializer().deserialize(TOPIC, otherVersion));
        assertEquals(what + " of unknown version 9 (this code reads version " + bytes[0] + ")", version.getMessage());
        for (int length = 0; length < bytes.length; length++) {
            byte[] prefix = Arrays.copyOf(bytes, length);
            SerializationException truncated = assertThrows(SerializationException.class,
                    () -> serde.deserializer().deserialize(TOPIC, prefix), "a prefix of " + length + " bytes");
            assertEquals(length == 0 ? "truncated " + what + ": no bytes, not even its version"
                    : "truncated " + what + ": its " + length + " bytes end early", truncated.getMessage());
        }
    }
}
