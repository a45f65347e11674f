package io.vocstream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vocstream.config.AppConfig;
import io.vocstream.config.Settings;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Kafka Streams settings the application chooses, and that {@code kafka.*} settings replace. */
class StreamsPropertiesTest {
    private static Map<String, Object> producer(Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("VOCSTREAM_BOOTSTRAP_SERVERS", "kafka-1:9092");
        env.put("VOCSTREAM_SCHEMA_REGISTRY_URL", "http://registry:8081");
        AppConfig config = AppConfig.from(Settings.load(env, Optional.empty(), Map.of()));
        return new StreamsConfig(VocstreamApp.streamsProperties(config, new HostInfo("localhost", 7070)))
                .getProducerConfigs("producer");
    }

    @Test
    @DisplayName("the producer batches up to 256 KB per partition unless kafka.batch.size or "
            + "kafka.producer.batch.size says otherwise")
    void producerBatchSize() {
        assertEquals(String.valueOf(VocstreamApp.DEFAULT_PRODUCER_BATCH_BYTES),
                String.valueOf(producer(Map.of()).get(ProducerConfig.BATCH_SIZE_CONFIG)));
        assertEquals("32768", String.valueOf(producer(Map.of("VOCSTREAM_KAFKA_BATCH_SIZE", "32768"))
                .get(ProducerConfig.BATCH_SIZE_CONFIG)));
        assertEquals("65536", String.valueOf(producer(Map.of("VOCSTREAM_KAFKA_PRODUCER_BATCH_SIZE", "65536"))
                .get(ProducerConfig.BATCH_SIZE_CONFIG)));
    }
}
