package io.vocstream.producers.replay;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vocstream.producers.sink.EventSink;
import io.vocstream.schemas.EventTopic;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.avro.specific.SpecificRecord;

/** Writes events as JSON Lines in the replay format, one {@code {"topic", "key", "event"}} object per line. */
public final class JsonLinesSink implements EventSink {
    private final JsonGenerator json;

    /** Writes to {@code out}, which is closed with the sink. */
    public JsonLinesSink(OutputStream out) {
        try {
            this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        json.setRootValueSeparator(null);
    }

    @Override
    public void publish(EventTopic topic, String key, SpecificRecord event) {
        try {
            json.writeStartObject();
            json.writeStringField("topic", topic.baseName());
            json.writeStringField("key", key);
            json.writeFieldName("event");
            JsonEventWriter.write(event, json);
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the event: " + e.getMessage(), e);
        }
    }

    @Override
    public void flush() {
        try {
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
