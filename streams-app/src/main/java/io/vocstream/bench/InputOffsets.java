package io.vocstream.bench;

import io.vocstream.schemas.EventTopic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Where the six input topics end, and how far a consumer group (an application id) has committed them. */
final class InputOffsets {
    private final Admin admin;
    private final List<TopicPartition> partitions = new ArrayList<>();

    InputOffsets(Admin admin, String prefix) throws Exception {
        this.admin = admin;
        List<String> topics = Arrays.stream(EventTopic.values()).map(t -> t.topicName(prefix)).toList();
        admin.describeTopics(topics).allTopicNames().get().values().forEach(d -> d.partitions()
                .forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
    }

    List<TopicPartition> partitions() {
        return partitions;
    }

    /** The end offset of every input partition now. */
    Map<TopicPartition, Long> end() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> end = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
        return end;
    }

    /** Records in the input topics now. */
    long total() throws Exception {
        return end().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether the consumer group {@code groupId} has committed the end of every input partition. */
    boolean caughtUp(String groupId) throws Exception {
        return behind(groupId, end()) == 0;
    }

    /** Input records the consumer group {@code groupId} has not committed yet. */
    long behind(String groupId) throws Exception {
        return behind(groupId, end());
    }

    /** Records before {@code end} that the consumer group {@code groupId} has not committed yet. */
    long behind(String groupId, Map<TopicPartition, Long> end) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        long behind = 0;
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            behind += Math.max(0, e.getValue() - (c == null ? 0 : c.offset()));
        }
        return behind;
    }
}
