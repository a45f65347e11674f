package io.vocstream.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Raw settings in layers, highest precedence first: command-line options, environment variables
 * ({@code VOCSTREAM_HTTP_PORT} for {@code http.port}), a properties file, then the built-in defaults.
 * Each value remembers where it came from so an error can say which setting to fix and where.
 */
public final class Settings {
    static final String ENV_PREFIX = "VOCSTREAM_";

    private final Map<String, Value> values;

    private Settings(Map<String, Value> values) {
        this.values = values;
    }

    /** One raw value and a human description of its origin. */
    public record Value(String raw, String origin) {
    }

    /** Layers the environment, an optional properties file and the command-line overrides. */
    public static Settings load(Map<String, String> env, Optional<Path> propertiesFile, Map<String, String> overrides) {
        Map<String, Value> values = new LinkedHashMap<>();
        propertiesFile.ifPresent(file -> readProperties(file).forEach(
                (k, v) -> values.put(k, new Value(v, "file " + file))));
        env.forEach((name, v) -> {
            if (name.startsWith(ENV_PREFIX)) {
                values.put(keyOfEnv(name.substring(ENV_PREFIX.length())), new Value(v, "environment " + name));
            }
        });
        overrides.forEach((k, v) -> values.put(k, new Value(v, "option --" + k.replace('.', '-'))));
        return new Settings(values);
    }

    /** Settings from a plain map, each value's origin being {@code origin}; for embedding and tests. */
    public static Settings of(Map<String, String> raw, String origin) {
        Map<String, Value> values = new LinkedHashMap<>();
        raw.forEach((k, v) -> values.put(k, new Value(v, origin)));
        return new Settings(values);
    }

    /** {@code HTTP_PORT} becomes {@code http.port}; {@code KAFKA_SASL_JAAS_CONFIG} becomes {@code kafka.sasl.jaas.config}. */
    static String keyOfEnv(String suffix) {
        return suffix.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The environment variable that sets {@code key}. */
    public static String envOf(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public Optional<Value> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public String string(String key, String defaultValue) {
        return value(key).map(Value::raw).map(String::trim).orElse(defaultValue);
    }

    public Optional<String> optionalString(String key) {
        return value(key).map(Value::raw).map(String::trim).filter(s -> !s.isEmpty());
    }

    public String required(String key, String what) {
        return optionalString(key).orElseThrow(() -> new ConfigException(
                "setting '" + key + "' is required: " + what + " (set it with --" + key.replace('.', '-')
                        + ", the environment variable " + envOf(key) + " or a properties file)"));
    }

    public int intIn(String key, int defaultValue, int min, int max) {
        return parsed(key, defaultValue, raw -> {
            int v = Integer.parseInt(raw);
            if (v < min || v > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return v;
        }, "an integer between " + min + " and " + max);
    }

    /** A non-negative ISO-8601 duration such as {@code PT1H} or {@code P7D}. */
    public Duration duration(String key, Duration defaultValue) {
        return parsed(key, defaultValue, raw -> {
            Duration d = Duration.parse(raw);
            if (d.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return d;
        }, "an ISO-8601 duration such as PT30M, PT1H or P7D");
    }

    public boolean bool(String key, boolean defaultValue) {
        return parsed(key, defaultValue, raw -> switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        }, "true or false");
    }

    /** Parses a setting, turning any parse failure into a {@link ConfigException} that names key, origin and expectation. */
    public <T> T parsed(String key, T defaultValue, Function<String, T> parser, String expected) {
        Optional<Value> v = value(key);
        if (v.isEmpty() || v.get().raw().isBlank()) {
            return defaultValue;
        }
        try {
            return parser.apply(v.get().raw().trim());
        } catch (RuntimeException e) {
            throw invalid(key, expected, e.getMessage());
        }
    }

    /** An error for a setting whose value is present but unusable. */
    public ConfigException invalid(String key, String expected, String why) {
        Value v = values.get(key);
        String from = v == null ? "" : " (from " + v.origin() + ")";
        String got = v == null ? "nothing" : "'" + v.raw() + "'";
        return new ConfigException("setting '" + key + "'" + from + " must be " + expected + ", got " + got
                + (why == null || why.isBlank() ? "" : ": " + why));
    }

    /** Every setting whose key starts with {@code prefix}, with the prefix removed. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v.raw());
            }
        });
        return out;
    }

    private static Map<String, String> readProperties(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConfigException("cannot read the properties file " + file + ": " + e.getMessage());
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }
}
