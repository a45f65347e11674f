package io.vocstream.streams;

import io.prometheus.client.Counter;
import io.vocstream.schemas.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Records that cannot be processed go, unchanged, to {@code <topic>.dlq} with the reason in headers, and are counted.
 * Stages name where the record was refused, e.g. {@code deserialization}, {@code validation}, {@code too_late}.
 */
public final class DeadLetters {
    public static final String HEADER_REASON = "vocstream.dlq.reason";
    public static final String HEADER_STAGE = "vocstream.dlq.stage";
    public static final String HEADER_TOPIC = "vocstream.dlq.topic";
    public static final String HEADER_PARTITION = "vocstream.dlq.partition";
    public static final String HEADER_OFFSET = "vocstream.dlq.offset";

    /** Dead-lettered records by source topic and stage (bounded labels: the reason text is in the header only). */
    public static final Counter RECORDS = Counter.build()
            .name("vocstream_dead_letter_records_total")
            .help("Records sent to a <topic>.dlq topic, by source topic and the stage that refused them")
            .labelNames("topic", "stage")
            .register();

    private DeadLetters() {
    }

    /** The dead-letter record for a refused input record, its original headers kept and the reason added. */
    public static ProducerRecord<byte[], byte[]> record(String topic, int partition, long offset, byte[] key,
                                                        byte[] value, Headers original, String stage, String reason) {
        RecordHeaders headers = new RecordHeaders(original == null ? new RecordHeaders().toArray() : original.toArray());
        headers.add(HEADER_REASON, utf8(reason));
        headers.add(HEADER_STAGE, utf8(stage));
        headers.add(HEADER_TOPIC, utf8(topic));
        headers.add(HEADER_PARTITION, utf8(String.valueOf(partition)));
        headers.add(HEADER_OFFSET, utf8(String.valueOf(offset)));
        RECORDS.labels(topic, stage).inc();
        return new ProducerRecord<>(Topics.dlqOf(topic), null, key, value, headers);
    }

    private static byte[] utf8(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }
}
