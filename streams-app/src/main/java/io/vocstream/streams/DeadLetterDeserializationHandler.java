package io.vocstream.streams;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bytes that do not decode (not the Confluent wire format, a schema id the registry does not know, a corrupt Avro
 * body, a record of another type) go to the source topic's dead-letter topic with the decoder's reason, and
 * processing goes on: nothing is lost, nothing stops.
 *
 * <p>A retriable failure (the schema registry could not be asked, see {@link EventDeserializer}) says nothing
 * about the record, so it is not dead-lettered: it fails the stream thread, which is replaced and reads the record
 * again from the last commit.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
    public static final String STAGE = "deserialization";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            log.error("record {}-{}@{} cannot be read now; the stream thread restarts to read it again: {}",
                    record.topic(), record.partition(), record.offset(), exception.getMessage());
            return Response.fail();
        }
        String reason = exception.getMessage() == null ? exception.getClass().getName() : exception.getMessage();
        return Response.resume(List.of(DeadLetters.record(record.topic(), record.partition(), record.offset(),
                record.key(), record.value(), record.headers(), STAGE, reason)));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure: the dead-letter topic is derived from the source topic
    }
}
