package io.vocstream.schemas.serde;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/** How a serde names the registry subject a record's schema is registered under, as Confluent's serdes do. */
public enum SubjectNameStrategy {
    /** {@code <topic>-key} / {@code <topic>-value}: one schema (and its evolutions) per topic. */
    TopicNameStrategy {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return topic + (isKey ? "-key" : "-value");
        }
    },
    /** The record's full name: one record type shared by many topics. */
    RecordNameStrategy {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return schema.getFullName();
        }
    },
    /** {@code <topic>-<full name>}: several record types in one topic. */
    TopicRecordNameStrategy {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return topic + "-" + schema.getFullName();
        }
    };

    public abstract String subject(String topic, boolean isKey, Schema schema);

    /**
     * Parses a strategy as configured: its name, or a Confluent strategy class name such as
     * {@code io.confluent.kafka.serializers.subject.RecordNameStrategy}, so existing client configs keep working.
     */
    public static SubjectNameStrategy parse(String setting, String value) {
        String simpleName = value.substring(value.lastIndexOf('.') + 1).trim();
        for (SubjectNameStrategy strategy : values()) {
            if (strategy.name().equals(simpleName)) {
                return strategy;
            }
        }
        throw new ConfigException(setting, value, "must be one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
