package io.vocstream.contactcenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class QueueStatsSerdeTest {
    private static QueueStats sample() {
        return QueueStats.offeredOne().merge(QueueStats.offeredOne()).merge(QueueStats.answeredOne(12.5))
                .merge(QueueStats.abandonedOne(4000.0)).merge(QueueStats.abandonedOne(3.0))
                .merge(QueueStats.callbackRequestedOne(61.0)).merge(QueueStats.transferredOne(95.0))
                .merge(QueueStats.answeredOne(null));
    }

    @Test
    void statisticsSurviveTheRoundTripExactly() {
        QueueStats s = sample();
        assertEquals(s, QueueStatsSerde.read(QueueStatsSerde.write(s)));
        assertEquals(QueueStats.EMPTY, QueueStatsSerde.read(QueueStatsSerde.write(QueueStats.EMPTY)));
    }

    @Test
    void truncatedOrForeignBytesAreRefusedWithAReason() {
        byte[] bytes = QueueStatsSerde.write(sample());
        SerializationException truncated = assertThrows(SerializationException.class,
                () -> QueueStatsSerde.read(Arrays.copyOf(bytes, bytes.length - 3)));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        bytes[0] = 9;
        SerializationException version = assertThrows(SerializationException.class,
                () -> QueueStatsSerde.read(bytes));
        assertTrue(version.getMessage().contains("version 9"), version.getMessage());
    }
}
