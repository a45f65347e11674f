package io.vocstream.producers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProducerCliTest {
    private static final String GOOD_LINE = "{\"topic\": \"contact-events\", \"event\": {\"eventId\": \"e-1\", "
            + "\"eventTime\": \"2026-03-02T09:15:00Z\", \"contactId\": \"c-1\", \"type\": \"OFFERED\", "
            + "\"queue\": \"billing\", \"channel\": \"VOICE\"}}";

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    @Test
    void badOptionValuesAreNamed() {
        assertUsageError("--scale", "simulate", "--scale", "lots");
        assertUsageError("--scale must be a positive number", "simulate", "--scale", "0");
        assertUsageError("--rate applies to --pace rate, not fast", "simulate", "--pace", "fast", "--rate", "10");
        assertUsageError("--pace rate needs a positive --rate", "simulate", "--pace", "rate");
        assertUsageError("--start applies to --pace rate or fast", "simulate", "--start", "2026-03-02T00:00:00Z");
        assertUsageError("'tomorrow' is not an ISO-8601 timestamp", "simulate", "--pace", "fast", "--start",
                "tomorrow");
        assertUsageError("'a while' is not a duration", "simulate", "--duration", "a while");
        assertUsageError("--scenario: unknown region 'mars'", "simulate", "--dry-run", "--scenario",
                "outage:region=mars");
        assertUsageError("'--pace': expected one of [REALTIME, RATE, FAST]", "simulate", "--pace", "slow");
        assertUsageError("FILE: cannot read", "replay", dir.resolve("missing.jsonl").toString());
        assertUsageError("name a command: simulate or replay");
    }

    @Test
    void simulatedEventsWrittenToAFileReplayCleanly() {
        Path file = dir.resolve("morning.jsonl");

        assertEquals(0, run("simulate", "--pace", "fast", "--start", "2026-03-02T08:00:00+01:00", "--duration",
                "20m", "--scale", "0.05", "--seed", "9", "--output", file.toString()), err::toString);
        assertEquals(0, run("replay", "--dry-run", file.toString()), err::toString);

        assertTrue(err.toString().contains("valid lines, 0 invalid; nothing published (dry run)"), err::toString);
    }

    @Test
    void aBadLineFailsTheReplayWithItsPlaceUnlessSkipped() throws IOException {
        Path file = Files.write(dir.resolve("events.jsonl"),
                List.of(GOOD_LINE, GOOD_LINE.replace("OFFERED", "RINGING")));

        assertEquals(1, run("replay", "--dry-run", file.toString()));
        assertTrue(err.toString().contains(file + ":2: event.type: expected one of [OFFERED"), err::toString);
        assertTrue(err.toString().contains("nothing published"), err::toString);

        assertEquals(0, run("replay", "--dry-run", "--skip-invalid", file.toString()));
        assertTrue(err.toString().contains("1 valid lines, 1 invalid"), err::toString);
    }

    private void assertUsageError(String expected, String... args) {
        err.getBuffer().setLength(0);
        assertEquals(2, run(args), () -> String.join(" ", args) + ": " + err);
        assertTrue(err.toString().contains(expected), () -> "expected '" + expected + "' in: " + err);
    }

    private int run(String... args) {
        CommandLine cli = ProducerCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }
}
