package io.vocstream.app;

import io.vocstream.config.AppConfig;
import io.vocstream.ingest.IngestTopology;
import io.vocstream.repair.RepairTopology;
import io.vocstream.streams.EventRules;
import io.vocstream.streams.EventSerdes;
import io.vocstream.streams.InputStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/** The whole application's topology: the gated input streams, and every capability's topology built on them. */
public final class VocstreamTopology {
    private VocstreamTopology() {
    }

    public static Topology build(AppConfig config, EventSerdes serdes) {
        StreamsBuilder builder = new StreamsBuilder();
        InputStreams inputs = InputStreams.build(builder, config.topicPrefix(), serdes,
                new EventRules(config.eventsMaxAge()), config.eventsGrace());
        IngestTopology.build(builder, inputs);
        RepairTopology.build(builder, inputs, config);
        return builder.build();
    }
}
