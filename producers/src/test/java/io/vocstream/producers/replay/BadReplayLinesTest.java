package io.vocstream.producers.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad line, on its own line of one file, and the error it must give. */
class BadReplayLinesTest {
    private static final String CONTACT_FIELDS = "\"eventId\": \"e-1\", \"eventTime\": \"2026-03-02T09:15:00Z\", "
            + "\"contactId\": \"c-1\", \"queue\": \"billing\", \"channel\": \"VOICE\"";

    @TempDir
    Path dir;

    @Test
    void everyBadLineIsReportedWithItsLineFieldAndReason() throws IOException {
        List<String[]> cases = List.of(
                bad("{\"topic\": \"contact-events\", \"event\": {" + CONTACT_FIELDS,
                        null, "not valid JSON: Unexpected end-of-input: expected close marker for Object"),
                bad("[1, 2]", null, "expected a JSON object {\"topic\": ..., \"event\": {...}}"),
                bad("{\"topic\": \"contact-events\", \"payload\": {}}", "payload",
                        "unknown field; a line has topic, key (optional) and event"),
                bad("{\"event\": {}}", "topic", "required field is missing"),
                bad("{\"topic\": \"contacts\", \"event\": {}}", "topic", "unknown topic \"contacts\"; known: "
                        + "[contact-events, agent-events, ivr-events, repair-events, complaint-events, "
                        + "survey-responses] (without prefix) or [CONTACT, AGENT, IVR, REPAIR, COMPLAINT, SURVEY]"),
                bad("{\"topic\": \"contact-events\"}", "event", "required field is missing"),
                bad(contact("\"type\": \"OFFERED\"").replace("\"contactId\": \"c-1\", ", ""), "event.contactId",
                        "required field is missing"),
                bad(contact("\"type\": \"OFFERED\", \"mood\": \"angry\""), "event.mood",
                        "unknown field of ContactEvent; known: [eventId, eventTime, contactId, type, queue, channel, "
                                + "customerId, region, segment, tier, agentId, ivrSessionId, transferToQueue, "
                                + "waitSeconds, talkSeconds, holdSeconds, wrapUpSeconds]"),
                bad(contact("\"type\": \"ANSWERED\", \"waitSeconds\": \"soon\""), "event.waitSeconds",
                        "expected a number, got a string \"soon\""),
                bad(contact("\"type\": \"PICKED_UP\""), "event.type",
                        "expected one of [OFFERED, ANSWERED, ABANDONED, TRANSFERRED, COMPLETED, CALLBACK_REQUESTED, "
                                + "CALLBACK_COMPLETED, UNKNOWN], got a string \"PICKED_UP\""),
                bad(contact("\"type\": \"OFFERED\"").replace("\"2026-03-02T09:15:00Z\"", "\"yesterday\""),
                        "event.eventTime", "expected an ISO-8601 timestamp with offset (e.g. 2026-03-02T09:15:00Z) "
                                + "or epoch milliseconds, got a string \"yesterday\""),
                bad(contact("\"type\": \"OFFERED\"").replace("\"billing\"", "null"), "event.queue",
                        "must not be null"),
                bad(contact("\"type\": \"OFFERED\", \"region\": {\"string\": \"north\"}"), "event.region",
                        "expected a string, got an object"),
                bad("{\"topic\": \"survey-responses\", \"event\": {\"eventId\": \"e-1\", \"eventTime\": 0, "
                        + "\"responseId\": \"r-1\", \"touchpoint\": \"AGENT\", \"channel\": \"VOICE\", \"csat\": 4.5}}",
                        "event.csat", "expected a whole number, got a number 4.5"),
                bad("{\"topic\": \"survey-responses\", \"event\": {\"eventId\": \"e-1\", \"eventTime\": 0, "
                        + "\"responseId\": \"r-1\", \"touchpoint\": \"AGENT\", \"channel\": \"VOICE\", \"indicators\": "
                        + "[{\"indicator\": \"speed\", \"expected\": 4, \"perceived\": 4}, {\"indicator\": \"price\", "
                        + "\"expected\": \"high\", \"perceived\": 3}]}}",
                        "event.indicators[1].expected", "expected a number, got a string \"high\""),
                bad("{\"topic\": \"contact-events\", \"key\": 17, \"event\": {\"type\": \"OFFERED\", " + CONTACT_FIELDS
                        + "}}", "key", "expected a non-empty string, got 17"),
                bad("{\"topic\": \"contact-events\", \"topic\": \"agent-events\", \"event\": {}}", null,
                        "not valid JSON: Duplicate field 'topic'"));
        List<String> lines = new ArrayList<>();
        for (String[] c : cases) {
            lines.add(c[0]);
        }
        Path file = Files.write(dir.resolve("bad.jsonl"), lines);
        List<ReplayError> errors = new ArrayList<>();

        new Replayer(null, true, errors::add).replay(List.of(file));

        List<ReplayError> expected = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            expected.add(new ReplayError(file, i + 1, cases.get(i)[1], cases.get(i)[2]));
        }
        assertEquals(expected.size(), errors.size(), errors::toString);
        for (int i = 0; i < expected.size(); i++) {
            ReplayError want = expected.get(i);
            ReplayError got = errors.get(i);
            assertEquals(want.line(), got.line());
            assertEquals(want.field(), got.field(), () -> "line " + want.line());
            if (want.reason().startsWith("not valid JSON")) {
                // Jackson's own words follow the prefix; its location details are not ours to pin
                assertEquals(want.reason(), got.reason().substring(0, Math.min(got.reason().length(),
                        want.reason().length())), () -> "line " + want.line());
            } else {
                assertEquals(want.reason(), got.reason(), () -> "line " + want.line());
            }
        }
    }

    private static String contact(String extraFields) {
        return "{\"topic\": \"contact-events\", \"event\": {" + CONTACT_FIELDS + ", " + extraFields + "}}";
    }

    private static String[] bad(String line, String field, String reason) {
        return new String[] {line, field, reason};
    }
}
