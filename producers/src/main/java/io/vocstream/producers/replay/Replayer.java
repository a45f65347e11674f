package io.vocstream.producers.replay;

import io.vocstream.producers.sink.EventSink;
import io.vocstream.schemas.EventTopic;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Publishes JSON Lines replay files in order. By default every file is validated first and nothing is published if
 * a line is bad (the first bad line is reported); with {@code skipInvalid} the good lines are published and every bad
 * line is reported. Without a sink the files are only validated.
 */
public final class Replayer {
    private final EventSink sink;
    private final boolean skipInvalid;
    private final Consumer<ReplayError> errors;
    private final ReplayLineParser parser = new ReplayLineParser();

    /**
     * @param sink        where to publish; null to validate only
     * @param skipInvalid publish the good lines of files with bad ones (and report every bad line)
     * @param errors      receives each bad line reported
     */
    public Replayer(EventSink sink, boolean skipInvalid, Consumer<ReplayError> errors) {
        this.sink = sink;
        this.skipInvalid = skipInvalid;
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /** @throws UncheckedIOException if a file cannot be read */
    public ReplaySummary replay(List<Path> files) {
        Pass validation = new Pass(null);
        if (!skipInvalid) {
            for (Path file : files) {
                if (!validation.read(file, true)) {
                    return validation.summary();
                }
            }
            if (sink == null) {
                return validation.summary();
            }
        }
        Pass publishing = new Pass(sink);
        for (Path file : files) {
            publishing.read(file, false);
        }
        if (sink != null) {
            sink.flush();
        }
        return publishing.summary();
    }

    /** One reading of the files, counting, and publishing if it has a sink. */
    private final class Pass {
        private final EventSink target;
        private final Map<EventTopic, Long> perTopic = new EnumMap<>(EventTopic.class);
        private long valid;
        private long invalid;
        private long published;

        Pass(EventSink target) {
            this.target = target;
        }

        /** Reads one file; false if it stopped at a bad line. */
        boolean read(Path file, boolean stopAtFirstError) {
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                long number = 0;
                String line;
                while ((line = lines.readLine()) != null) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        ReplayEvent event = parser.parse(line);
                        valid++;
                        if (target != null) {
                            target.publish(event.topic(), event.key(), event.event());
                            published++;
                            perTopic.merge(event.topic(), 1L, Long::sum);
                        }
                    } catch (InvalidEventException e) {
                        invalid++;
                        errors.accept(new ReplayError(file, number, e.field(), e.reason()));
                        if (stopAtFirstError) {
                            return false;
                        }
                    }
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        ReplaySummary summary() {
            return new ReplaySummary(valid, invalid, published, Collections.unmodifiableMap(perTopic));
        }
    }
}
