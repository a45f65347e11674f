package io.vocstream.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vocstream.schemas.registry.InMemorySchemaRegistryClient;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact bytes of the Confluent wire format, derived by hand from the Avro specification. */
class WireFormatBytesTest {
    private static final Schema PROBE = new Schema.Parser().parse("""
            {"type": "record", "name": "Probe", "namespace": "test", "fields": [
              {"name": "id", "type": "string"},
              {"name": "count", "type": "int"},
              {"name": "at", "type": "long"},
              {"name": "note", "type": ["null", "string"]}
            ]}""");

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private GenericAvroSerde serde;

    @BeforeEach
    void registerOtherSchemasFirst() {
        // The in-memory registry numbers schemas 1, 2, 3...: after 257 others, PROBE gets id 258 = 0x00000102,
        // which shows the byte order of the id.
        for (int i = 1; i <= 257; i++) {
            registry.register("filler", SchemaBuilder.record("Filler" + i).fields().requiredInt("n").endRecord());
        }
        serde = new GenericAvroSerde(registry);
        serde.configure(Map.of(), false);
    }

    private static GenericRecord probe(String note) {
        return new GenericRecordBuilder(PROBE).set("id", "ab").set("count", -3).set("at", 300L).set("note", note)
                .build();
    }

    @Test
    void aRecordIsTheMagicByteTheBigEndianIdAndTheAvroBinaryEncoding() {
        byte[] expected = {
            0x00,                         // magic byte
            0x00, 0x00, 0x01, 0x02,       // schema id 258, 4 bytes big-endian
            0x04, 0x61, 0x62,             // id "ab": length 2 as zig-zag varint (2 << 1 = 4), then UTF-8 'a' 'b'
            0x05,                         // count -3: zig-zag (-3 << 1) ^ (-3 >> 31) = -6 ^ -1 = 5
            (byte) 0xD8, 0x04,            // at 300: zig-zag 600 = 0b100_1011000 -> low 7 bits 0x58 | 0x80, then 4
            0x02,                         // note: union branch 1 ("string") as zig-zag varint 2
            0x02, 0x78                    // "x": length 1 as zig-zag 2, then 'x'
        };

        byte[] actual = serde.serializer().serialize("probes", probe("x"));

        assertArrayEquals(expected, actual);
        assertEquals(probe("x"), serde.deserializer().deserialize("probes", expected));
    }

    @Test
    void aNullInAUnionIsBranchZeroWithNoValue() {
        byte[] expected = {
            0x00, 0x00, 0x00, 0x01, 0x02, // magic byte, schema id 258
            0x04, 0x61, 0x62,             // "ab"
            0x05,                         // -3
            (byte) 0xD8, 0x04,            // 300
            0x00                          // note: union branch 0 ("null"), which has no bytes
        };

        assertArrayEquals(expected, serde.serializer().serialize("probes", probe(null)));
        GenericRecord read = (GenericData.Record) serde.deserializer().deserialize("probes", expected);
        assertEquals(probe(null), read);
    }
}
