package io.vocstream.producers.replay;

/** A JSON value that does not fit the event schema, with the path of the field (e.g. {@code event.waitSeconds}). */
public final class InvalidEventException extends Exception {
    private final String field;
    private final String reason;

    InvalidEventException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** Path of the offending field, e.g. {@code event.indicators[1].expected}. */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
