package io.vocstream.registry;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's durable log: a single-partition compacted Kafka topic. A reader thread applies every record, in
 * offset order, to the registry state; {@link #append} writes a record and returns only once the reader has applied
 * it, so a write is visible to the next request (read-your-writes, with this registry the only writer).
 */
final class SchemaLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SchemaLog.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STARTUP_READ_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

    private final String topic;
    private final TopicPartition partition;
    private final LogEntryCodec codec = new LogEntryCodec();
    private final Consumer<LogEntry> apply;
    private final KafkaProducer<String, String> producer;
    /** Used only by the reader thread once it has started. */
    private final KafkaConsumer<String, String> consumer;
    private final Thread reader;

    private final ReentrantLock progressLock = new ReentrantLock();
    private final Condition progressed = progressLock.newCondition();
    /** The offset of the next record the reader will apply; guarded by progressLock. */
    private long readPosition;
    /** Why the reader stopped, if it stopped on its own; guarded by progressLock. */
    private RuntimeException readerFailure;
    private volatile boolean closing;

    private SchemaLog(String topic, KafkaProducer<String, String> producer, KafkaConsumer<String, String> consumer,
                      Consumer<LogEntry> apply) {
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        this.producer = producer;
        this.consumer = consumer;
        this.apply = apply;
        this.reader = new Thread(this::readLoop, "schema-registry-reader-" + topic);
        this.reader.setDaemon(true);
    }

    /**
     * Creates the topic if it is missing (one partition, compacted), reads it to its end into {@code apply}, and
     * keeps reading what is written later.
     */
    static SchemaLog open(Map<String, Object> clientProps, String topic, short replicationFactor,
                          Consumer<LogEntry> apply) {
        ensureTopic(clientProps, topic, replicationFactor);
        KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(clientProps, topic),
                new StringSerializer(), new StringSerializer());
        KafkaConsumer<String, String> consumer;
        try {
            consumer = new KafkaConsumer<>(consumerProps(clientProps, topic), new StringDeserializer(),
                    new StringDeserializer());
        } catch (RuntimeException e) {
            producer.close();
            throw e;
        }
        SchemaLog schemaLog = new SchemaLog(topic, producer, consumer, apply);
        try {
            schemaLog.replay();
        } catch (RuntimeException e) {
            schemaLog.close();
            throw e;
        }
        return schemaLog;
    }

    /**
     * Writes the entry and waits until the reader has applied it.
     *
     * @throws RegistryException with code 50001 if the write fails or is not read back in time
     */
    void append(LogEntry entry) {
        LogEntryCodec.Encoded record = codec.encode(entry);
        long offset;
        try {
            offset = producer.send(new ProducerRecord<>(topic, partition.partition(), record.key(), record.value()))
                    .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .offset();
        } catch (ExecutionException e) {
            throw RegistryException.storeError("Writing to the schemas topic " + topic + " failed: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw RegistryException.storeError("Writing to the schemas topic " + topic + " timed out after "
                    + WRITE_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.storeError("Interrupted while writing to the schemas topic " + topic, e);
        }
        if (!awaitReadPosition(offset + 1, WRITE_TIMEOUT)) {
            throw RegistryException.storeError("The write at offset " + offset + " of the schemas topic " + topic
                    + " was not read back within " + WRITE_TIMEOUT.toSeconds() + " s", null);
        }
    }

    @Override
    public void close() {
        closing = true;
        if (reader.getState() == Thread.State.NEW) {
            consumer.close();
        } else {
            consumer.wakeup();
            try {
                reader.join(WRITE_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producer.close(WRITE_TIMEOUT);
    }

    private void replay() {
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition), STARTUP_READ_TIMEOUT).get(partition);
        reader.start();
        if (!awaitReadPosition(end, STARTUP_READ_TIMEOUT)) {
            throw new IllegalStateException("the schemas topic " + topic + " was not read to its end (offset " + end
                    + ") within " + STARTUP_READ_TIMEOUT.toSeconds() + " s");
        }
        log.info("read the schemas topic {} to offset {}", topic, end);
    }

    private void readLoop() {
        try {
            while (!closing) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL_TIMEOUT)) {
                    applyRecord(record);
                }
                advanceTo(consumer.position(partition));
            }
        } catch (WakeupException e) {
            if (!closing) {
                stopReading(e);
            }
        } catch (RuntimeException e) {
            log.error("stopped reading the schemas topic {}", topic, e);
            stopReading(e);
        } finally {
            consumer.close();
        }
    }

    private void applyRecord(ConsumerRecord<String, String> record) {
        try {
            codec.decode(record.key(), record.value()).ifPresent(apply);
        } catch (IllegalArgumentException e) {
            // one unreadable record must not stop the registry from serving everything else
            log.warn("skipping record at offset {} of the schemas topic {}: {}", record.offset(), topic,
                    e.getMessage());
        }
    }

    private void advanceTo(long position) {
        progressLock.lock();
        try {
            readPosition = position;
            progressed.signalAll();
        } finally {
            progressLock.unlock();
        }
    }

    private void stopReading(RuntimeException cause) {
        progressLock.lock();
        try {
            readerFailure = cause;
            progressed.signalAll();
        } finally {
            progressLock.unlock();
        }
    }

    /** Waits until every record before {@code position} has been applied; false on timeout. */
    private boolean awaitReadPosition(long position, Duration timeout) {
        long remainingNanos = timeout.toNanos();
        progressLock.lock();
        try {
            while (readPosition < position) {
                if (readerFailure != null) {
                    throw RegistryException.storeError("The reader of the schemas topic " + topic + " stopped: "
                            + readerFailure.getMessage(), readerFailure);
                }
                if (remainingNanos <= 0) {
                    return false;
                }
                remainingNanos = progressed.awaitNanos(remainingNanos);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.storeError("Interrupted while waiting for the schemas topic " + topic, e);
        } finally {
            progressLock.unlock();
        }
    }

    private static void ensureTopic(Map<String, Object> clientProps, String topic, short replicationFactor) {
        try (Admin admin = Admin.create(clientProps)) {
            if (!await(admin.listTopics().names(), topic).contains(topic)) {
                NewTopic newTopic = new NewTopic(topic, 1, replicationFactor)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                await(admin.createTopics(List.of(newTopic)).all(), topic);
                log.info("created the schemas topic {} (1 partition, compacted, replication factor {})", topic,
                        replicationFactor);
                return;
            }
            TopicDescription description = await(admin.describeTopics(List.of(topic)).allTopicNames(), topic)
                    .get(topic);
            if (description.partitions().size() != 1) {
                throw new IllegalStateException("the schemas topic " + topic + " has "
                        + description.partitions().size() + " partitions; it must have exactly 1 so that all"
                        + " registry changes are read back in the order they were written");
            }
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = await(admin.describeConfigs(List.of(resource)).all(), topic).get(resource);
            String cleanupPolicy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            if (!cleanupPolicy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                throw new IllegalStateException("the schemas topic " + topic + " has cleanup.policy=" + cleanupPolicy
                        + "; it must be compact, or retention would delete registered schemas");
            }
        }
    }

    private static <T> T await(KafkaFuture<T> future, String topic) {
        try {
            return future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot prepare the schemas topic " + topic + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the Kafka cluster did not answer within " + ADMIN_TIMEOUT.toSeconds()
                    + " s while preparing the schemas topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing the schemas topic " + topic, e);
        }
    }

    private static Map<String, Object> producerProps(Map<String, Object> clientProps, String topic) {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "schema-registry-writer-" + topic);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // a write the broker cannot take fails the request (50001) instead of hanging it
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) WRITE_TIMEOUT.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) WRITE_TIMEOUT.toMillis() / 2);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) WRITE_TIMEOUT.toMillis());
        return props;
    }

    private static Map<String, Object> consumerProps(Map<String, Object> clientProps, String topic) {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "schema-registry-reader-" + topic);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }
}
