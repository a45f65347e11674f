package io.vocstream.producers;

import io.vocstream.producers.replay.ReplaySummary;
import io.vocstream.producers.replay.Replayer;
import io.vocstream.producers.sink.EventSink;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code replay}: publishes events from JSON Lines files. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = ProducerCli.Version.class,
        description = {
            "Publishes events written as JSON Lines, in file order. Every file is validated first: a bad line stops "
                    + "the replay before anything is published (exit code 1), unless --skip-invalid."},
        footer = {"",
            "Format: one JSON object per line (blank lines are skipped):",
            "  {\"topic\": \"contact-events\", \"key\": \"c-1\", \"event\": {...}}",
            "  topic  base name (contact-events, agent-events, ivr-events, repair-events, complaint-events,",
            "         survey-responses; the --topic-prefix is added) or CONTACT, AGENT, IVR, REPAIR, COMPLAINT, SURVEY",
            "  key    optional; default: the event's entity id (contactId, agentId, sessionId, workOrderId,",
            "         complaintId, responseId)",
            "  event  the event's fields by their Avro schema names: enum symbols as strings, timestamps as",
            "         ISO-8601 with offset (2026-03-02T09:15:00Z) or epoch milliseconds, optional fields omitted",
            "         or null, union values written plainly (\"queue\": \"billing\", not {\"string\": \"billing\"}).",
            "         A missing required field, an unknown field or a wrong type is an error.",
            "Example:",
            "  {\"topic\":\"contact-events\",\"event\":{\"eventId\":\"e-1\",\"eventTime\":\"2026-03-02T09:15:00Z\","
                    + "\"contactId\":\"c-1\",\"type\":\"OFFERED\",\"queue\":\"billing\",\"channel\":\"VOICE\"}}",
            "Errors are reported as FILE:LINE: FIELD: REASON."})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "JSON Lines files, replayed in this order.")
    List<Path> files;

    @Option(names = "--skip-invalid", description = "Publish the good lines and report every bad one "
            + "(exit code 0).")
    boolean skipInvalid;

    @Option(names = "--dry-run", description = "Validate only: publish nothing; no Kafka needed.")
    boolean dryRun;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        for (Path file : files) {
            if (!Files.isReadable(file) || Files.isDirectory(file)) {
                throw new ParameterException(spec.commandLine(), "FILE: cannot read " + file);
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        ReplaySummary summary;
        try (EventSink sink = dryRun ? null : connection.openSink()) {
            summary = new Replayer(sink, skipInvalid, error -> {
                err.println(error);
                err.flush();
            }).replay(files);
        }
        if (summary.invalid() > 0 && !skipInvalid) {
            err.println("nothing published: fix the line above, or replay with --skip-invalid");
            return 1;
        }
        err.printf("%,d valid lines, %,d invalid; %s%n", summary.valid(), summary.invalid(),
                dryRun ? "nothing published (dry run)" : String.format("%,d events published %s", summary.published(),
                        summary.perTopic()));
        err.flush();
        return 0;
    }
}
