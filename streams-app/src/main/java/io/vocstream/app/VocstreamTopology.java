package io.vocstream.app;

import io.vocstream.complaints.ComplaintsTopology;
import io.vocstream.config.AppConfig;
import io.vocstream.contactcenter.ContactCenterTopology;
import io.vocstream.ingest.IngestTopology;
import io.vocstream.repair.RepairTopology;
import io.vocstream.satisfaction.SatisfactionTopology;
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
        ComplaintsTopology.build(builder, inputs, config);
        SatisfactionTopology.build(builder, inputs, config);
        ContactCenterTopology.build(builder, inputs, config);
        RepairTopology.build(builder, inputs, config);
        return builder.build();
    }
}
