package io.vocstream.schemas;

/** Names of the topics other than the six inputs, all under one optional prefix. */
public final class Topics {
    public static final String ALERTS = "alerts";
    public static final String DLQ_SUFFIX = ".dlq";
    public static final String SCHEMAS = "_schemas";

    private Topics() {
    }

    /** The dead-letter topic of an input topic: {@code <topic>.dlq}. */
    public static String dlqOf(String topic) {
        return topic + DLQ_SUFFIX;
    }
}
