package io.vocstream.testing;

import java.io.File;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;

/** Processor contexts for stores tested on their own. */
public final class TaskContexts {
    private TaskContexts() {
    }

    /** A processor context of task 0_0 keeping its stores' files under {@code stateDir}. */
    public static MockProcessorContext<Void, Void> of(String applicationId, File stateDir) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return new MockProcessorContext<>(config, new TaskId(0, 0), stateDir);
    }
}
