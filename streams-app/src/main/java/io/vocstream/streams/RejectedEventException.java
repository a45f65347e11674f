package io.vocstream.streams;

/**
 * Thrown by a processor that refuses an event; {@link DeadLetterProcessingHandler} sends the source record's original
 * bytes to {@code <topic>.dlq} with {@code stage} and {@code reason} in headers, and processing goes on.
 */
public final class RejectedEventException extends RuntimeException {
    public static final String STAGE_VALIDATION = "validation";
    public static final String STAGE_TOO_LATE = "too_late";

    private final String stage;

    public RejectedEventException(String stage, String reason) {
        super(reason, null, false, false); // expected on bad input: no stack trace to fill
        this.stage = stage;
    }

    public String stage() {
        return stage;
    }
}
