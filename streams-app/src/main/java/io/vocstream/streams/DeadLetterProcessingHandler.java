package io.vocstream.streams;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Events a processor refuses ({@link RejectedEventException}) go, as the bytes that were read, to the source topic's
 * dead-letter topic with the reason; any other processing failure is a bug and stops the stream thread, which is
 * replaced and retries the record rather than losing it.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (!(exception instanceof RejectedEventException rejected)) {
            return Response.fail();
        }
        return Response.resume(List.of(DeadLetters.record(context.topic(), context.partition(), context.offset(),
                context.sourceRawKey(), context.sourceRawValue(), context.headers(), rejected.stage(),
                rejected.getMessage())));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure: the dead-letter topic is derived from the source topic
    }
}
