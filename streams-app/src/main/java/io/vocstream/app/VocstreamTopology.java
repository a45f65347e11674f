package io.vocstream.app;

import io.vocstream.ingest.IngestTopology;
import io.vocstream.streams.EventSerdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/** The whole application's topology: every capability's topology built on one builder. */
public final class VocstreamTopology {
    private VocstreamTopology() {
    }

    public static Topology build(String topicPrefix, EventSerdes serdes) {
        StreamsBuilder builder = new StreamsBuilder();
        IngestTopology.build(builder, topicPrefix, serdes);
        return builder.build();
    }
}
