package io.vocstream.schemas.serde;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The serde settings, under the names Confluent's Avro serdes use so that existing client configs carry over. */
public final class AvroSerdeConfig extends AbstractConfig {
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Register the writer's schema if the subject does not have it yet; if false, the schema must "
                            + "already be registered and serializing fails otherwise.")
            .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Deserialize into the generated classes (SpecificRecord) instead of GenericRecord.")
            .define(KEY_SUBJECT_NAME_STRATEGY, Type.STRING, SubjectNameStrategy.TopicNameStrategy.name(),
                    Importance.LOW, "Subject of key schemas: TopicNameStrategy, RecordNameStrategy or "
                            + "TopicRecordNameStrategy (Confluent class names are accepted too).")
            .define(VALUE_SUBJECT_NAME_STRATEGY, Type.STRING, SubjectNameStrategy.TopicNameStrategy.name(),
                    Importance.LOW, "Subject of value schemas, as for keys.");

    public AvroSerdeConfig(Map<String, ?> settings) {
        super(DEFINITION, settings, false);
    }

    public boolean autoRegisterSchemas() {
        return getBoolean(AUTO_REGISTER_SCHEMAS);
    }

    public boolean specificAvroReader() {
        return getBoolean(SPECIFIC_AVRO_READER);
    }

    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        String setting = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
        return SubjectNameStrategy.parse(setting, getString(setting));
    }
}
