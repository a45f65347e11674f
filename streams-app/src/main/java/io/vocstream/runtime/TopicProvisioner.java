package io.vocstream.runtime;

import io.vocstream.config.AppConfig;
import io.vocstream.schemas.EventTopic;
import io.vocstream.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics of the external contract that do not exist yet: the six inputs, their dead-letter topics
 * and {@code alerts}. Existing topics are left exactly as they are.
 */
public final class TopicProvisioner {
    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private TopicProvisioner() {
    }

    /** Every topic name the application reads or writes, under the configured prefix. */
    public static List<String> contractTopics(String prefix) {
        List<String> names = new ArrayList<>();
        for (EventTopic t : EventTopic.values()) {
            names.add(t.topicName(prefix));
            names.add(Topics.dlqOf(t.topicName(prefix)));
        }
        names.add(prefix + Topics.ALERTS);
        return names;
    }

    /**
     * Producing to a partition before it has a leader only earns retries; wait until every one has one. Right after
     * creation a broker may not know the topic yet and answer with a retriable error: that is one more round.
     */
    private static void awaitLeaders(Admin admin, List<String> topics)
            throws ExecutionException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                boolean led = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
                        .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
                if (led) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException)) {
                    throw e;
                }
            }
            Thread.sleep(50);
        }
        throw new TimeoutException("partitions of " + topics + " have no leader after 60 s");
    }

    /** Another instance starting at the same moment may create some of the topics first; that is success. */
    private static void createAllowingRaces(Admin admin, List<NewTopic> topics)
            throws ExecutionException, InterruptedException, TimeoutException {
        for (var created : admin.createTopics(topics).values().values()) {
            try {
                created.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    public static void ensureTopics(Admin admin, AppConfig config) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = contractTopics(config.topicPrefix()).stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, config.topicPartitions(), config.topicReplicationFactor())
                            .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(config.topicRetentionMillis()))))
                    .toList();
            if (!missing.isEmpty()) {
                createAllowingRaces(admin, missing);
                awaitLeaders(admin, missing.stream().map(NewTopic::name).toList());
                log.info("created topics {}", missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the vocstream topics: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the Kafka cluster did not answer within 60 s while creating topics", e);
        }
    }
}
