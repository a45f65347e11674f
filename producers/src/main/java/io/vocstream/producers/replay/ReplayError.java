package io.vocstream.producers.replay;

import java.nio.file.Path;

/**
 * A line of a replay file that cannot be published.
 *
 * @param line  1-based line number
 * @param field path of the offending field ({@code topic}, {@code event.waitSeconds} ...), or null when the line as
 *              a whole is wrong (not JSON)
 */
public record ReplayError(Path file, long line, String field, String reason) {

    /** {@code file:line: field: reason}, the way compilers report. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + (field == null ? "" : field + ": ") + reason;
    }
}
