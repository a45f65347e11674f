package io.vocstream.config;

/** A setting is missing or wrong; the message names the setting, where its value came from, and why. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
