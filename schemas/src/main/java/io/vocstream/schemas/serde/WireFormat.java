package io.vocstream.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: magic byte 0, the writer schema's registry id as a 4-byte big-endian int, then the
 * Avro binary encoding of the datum.
 */
final class WireFormat {
    static final byte MAGIC_BYTE = 0;
    static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    /** Reads and checks the header, leaving {@code buffer} positioned at the Avro payload; returns the schema id. */
    static int readHeader(String topic, ByteBuffer buffer) {
        if (buffer.remaining() < HEADER_LENGTH) {
            throw new SerializationException("record of topic " + topic + " has " + buffer.remaining()
                    + " bytes, fewer than the 5-byte Confluent wire-format header");
        }
        byte magic = buffer.get();
        if (magic != MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "record of topic %s starts with byte 0x%02x, not the Confluent wire-format magic byte 0x00",
                    topic, magic));
        }
        return buffer.getInt();
    }
}
