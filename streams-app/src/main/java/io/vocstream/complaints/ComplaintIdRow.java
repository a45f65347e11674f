package io.vocstream.complaints;

import java.time.Instant;

/** A complaint behind an aggregate: its id, when it was opened and where its lifecycle is now. */
public record ComplaintIdRow(String complaintId, Instant openedAt, String state) {
}
