package io.vocstream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocstream.events.ComplaintEventType;
import io.vocstream.events.ContactEventType;
import io.vocstream.events.IvrEventType;
import io.vocstream.events.RepairEventType;
import io.vocstream.events.Touchpoint;
import io.vocstream.testing.Events;
import io.vocstream.testing.LiveApp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Customer ids, free-text comments and phone numbers pass through the whole application, valid and refused, and
 * appear neither in the Prometheus metrics nor in anything logged (slf4j-simple writes to standard error, which this
 * test captures from before the application starts).
 */
class PersonalDataExposureTest {
    private static final String CUSTOMER = "CUST-PII-7Q2X9";
    private static final String PHONE = "+15550100199";
    private static final String PHONE_IN_TEXT = "07700 900123";
    private static final String NAME = "Zelda Quuxworth";
    private static final String COMMENT = "Please call me back on " + PHONE_IN_TEXT + ", this is " + NAME;
    private static final List<String> PERSONAL = List.of(CUSTOMER, PHONE, PHONE_IN_TEXT, NAME);

    @TempDir
    static Path dataDir;
    static LiveApp app;
    static PrintStream originalErr;
    static PrintStream originalOut;
    static final ByteArrayOutputStream LOGGED = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        originalErr = System.err;
        originalOut = System.out;
        System.setErr(new PrintStream(new Tee(originalErr, LOGGED), true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(new Tee(originalOut, LOGGED), true, StandardCharsets.UTF_8));
        app = LiveApp.start(dataDir, Map.of(
                // one partition per topic and one stream thread: the quickest start, and all this test needs
                "topics.partitions", "1", "stream.threads", "1"));
    }

    @AfterAll
    static void stop() {
        try {
            app.close();
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
    }

    @Test
    @DisplayName("customer ids, comments and phone numbers are in no metric and no log line")
    void personalDataStaysOutOfMetricsAndLogs() throws Exception {
        Instant now = Instant.now();
        app.produce(
                Events.contact("c1", ContactEventType.OFFERED, now.minusSeconds(90)).setCustomerId(CUSTOMER).build(),
                Events.contact("c1", ContactEventType.ANSWERED, now.minusSeconds(60)).setCustomerId(CUSTOMER)
                        .setWaitSeconds(30.0).setAgentId("a1").build(),
                Events.ivr("s1", IvrEventType.SESSION_STARTED, now.minusSeconds(120)).setCustomerId(PHONE).build(),
                Events.repair("w1", RepairEventType.CREATED, now.minusSeconds(300)).setCustomerId(CUSTOMER).build(),
                Events.complaint("k1", ComplaintEventType.OPENED, now.minusSeconds(200)).setCustomerId(CUSTOMER)
                        .build(),
                Events.survey("r1", Touchpoint.AGENT, now.minusSeconds(30)).setCsat(2).setCustomerId(CUSTOMER)
                        .setComment(COMMENT).setContactId("c1").build(),
                // refused: the reason goes to the DLQ headers and the log, the comment must not
                Events.survey("r2", Touchpoint.AGENT, now.minusSeconds(20)).setCsat(9).setCustomerId(CUSTOMER)
                        .setComment(COMMENT).build(),
                Events.contact(" ", ContactEventType.OFFERED, now.minusSeconds(10)).setCustomerId(CUSTOMER).build());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                app.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            // undecodable, keyed by the customer: the decoder's reason is logged
            producer.send(new ProducerRecord<>("survey-responses", CUSTOMER,
                    ("{\"customerId\":\"" + CUSTOMER + "\",\"comment\":\"" + COMMENT + "\"}")
                            .getBytes(StandardCharsets.UTF_8))).get();
        }
        JsonNode topics = app.await("/api/v1/ingest/topics", rows -> {
            long events = 0;
            for (JsonNode row : rows) {
                events += row.get("events").asLong();
            }
            return events >= 6;
        });
        long counted = 0;
        for (JsonNode row : topics) {
            counted += row.get("events").asLong();
        }
        assertEquals(6, counted, "the valid events were processed");
        // every capability's answers, which Grafana and the wallboard read
        for (String path : List.of("/api/v1/satisfaction/slices?dimension=all", "/api/v1/complaints",
                "/api/v1/complaints/ids?dimension=all&value=all", "/api/v1/repairs/orders", "/api/v1/queues",
                "/api/v1/agents", "/api/v1/ivr", "/api/v1/alerts")) {
            app.get(path);
        }

        String metrics = app.get("/metrics").body();
        assertTrue(metrics.contains("vocstream_dead_letter_records_total"), "the metrics were read");
        String logged = LOGGED.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("Skipping record due to deserialization error"), "the log was captured");
        for (String personal : PERSONAL) {
            assertFalse(metrics.contains(personal), personal + " is in /metrics");
            assertFalse(logged.contains(personal), personal + " is in the log");
        }
    }

    /** Writes to the original stream and to the captured log. */
    private static final class Tee extends OutputStream {
        private final OutputStream original;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream original, ByteArrayOutputStream copy) {
            this.original = original;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            synchronized (copy) {
                copy.write(b);
            }
            try {
                original.write(b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (copy) {
                copy.write(b, off, len);
            }
            try {
                original.write(b, off, len);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void flush() throws IOException {
            original.flush();
        }
    }
}
