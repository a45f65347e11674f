package io.vocstream.streams;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Bytes that do not decode (not the Confluent wire format, an unknown schema id, a corrupt Avro body) go to the
 * source topic's dead-letter topic with the decoder's reason, and processing goes on: nothing is lost, nothing stops.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
    public static final String STAGE = "deserialization";

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        String reason = exception.getMessage() == null ? exception.getClass().getName() : exception.getMessage();
        return Response.resume(List.of(DeadLetters.record(record.topic(), record.partition(), record.offset(),
                record.key(), record.value(), record.headers(), STAGE, reason)));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure: the dead-letter topic is derived from the source topic
    }
}
