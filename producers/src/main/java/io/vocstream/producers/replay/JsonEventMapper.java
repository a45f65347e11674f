package io.vocstream.producers.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocstream.schemas.GeneratedEvents;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Maps events written by hand as plain JSON onto the generated classes' builders, strictly by the schema: enum
 * symbols as strings, timestamps as ISO-8601 strings or epoch milliseconds, optional fields omitted or null, union
 * values written plainly (not Avro's {@code {"string": ...}} wrapping). A missing required field, an unknown field
 * or a value of the wrong type is an {@link InvalidEventException} naming the field.
 */
public final class JsonEventMapper {
    static {
        GeneratedEvents.trust(); // builders copy enum defaults through Avro's class loading
    }

    private final Map<String, BuilderAccess> builders = new ConcurrentHashMap<>();
    private final Map<Class<?>, Schema> schemas = new ConcurrentHashMap<>();

    /** The record of class {@code recordClass} that {@code json} describes; {@code path} prefixes field names. */
    public <T extends SpecificRecord> T toRecord(Class<T> recordClass, JsonNode json, String path)
            throws InvalidEventException {
        Schema schema = schemas.computeIfAbsent(recordClass, type -> SpecificData.get().getSchema(type));
        return recordClass.cast(record(schema, json, path));
    }

    private Object record(Schema schema, JsonNode json, String path) throws InvalidEventException {
        if (!json.isObject()) {
            throw new InvalidEventException(path, "expected an object, got " + describe(json));
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (schema.getField(name) == null) {
                throw new InvalidEventException(path + "." + name, "unknown field of " + schema.getName()
                        + "; known: " + schema.getFields().stream().map(Schema.Field::name).toList());
            }
        }
        BuilderAccess access = builders.computeIfAbsent(schema.getFullName(), name -> new BuilderAccess(schema));
        Object builder = access.newBuilder();
        for (Schema.Field field : schema.getFields()) {
            String fieldPath = path + "." + field.name();
            JsonNode value = json.get(field.name());
            if (value == null) {
                if (!field.hasDefaultValue()) {
                    throw new InvalidEventException(fieldPath, "required field is missing");
                }
                continue; // the builder fills in the default
            }
            access.set(builder, field, value(field.schema(), value, fieldPath));
        }
        return access.build(builder);
    }

    private Object value(Schema schema, JsonNode json, String path) throws InvalidEventException {
        return switch (schema.getType()) {
            case UNION -> union(schema, json, path);
            case NULL -> {
                if (!json.isNull()) {
                    throw new InvalidEventException(path, "expected null, got " + describe(json));
                }
                yield null;
            }
            case STRING -> {
                require(json.isTextual(), "a string", json, path);
                yield json.textValue();
            }
            case BOOLEAN -> {
                require(json.isBoolean(), "true or false", json, path);
                yield json.booleanValue();
            }
            case INT -> {
                require(json.isIntegralNumber() && json.canConvertToInt(), "a whole number", json, path);
                yield json.intValue();
            }
            case LONG -> schema.getLogicalType() instanceof LogicalTypes.TimestampMillis ? timestamp(json, path)
                    : longValue(json, path);
            case DOUBLE -> {
                require(json.isNumber(), "a number", json, path);
                yield json.doubleValue();
            }
            case FLOAT -> {
                require(json.isNumber(), "a number", json, path);
                yield json.floatValue();
            }
            case ENUM -> enumSymbol(schema, json, path);
            case ARRAY -> {
                require(json.isArray(), "an array", json, path);
                List<Object> items = new ArrayList<>(json.size());
                for (int i = 0; i < json.size(); i++) {
                    items.add(value(schema.getElementType(), json.get(i), path + "[" + i + "]"));
                }
                yield items;
            }
            case RECORD -> record(schema, json, path);
            default -> throw new InvalidEventException(path, "the replay format has no notation for Avro type "
                    + schema.getType());
        };
    }

    /** A plain value of a union: null if allowed, else the first branch it fits (errors are the only branch's). */
    private Object union(Schema schema, JsonNode json, String path) throws InvalidEventException {
        List<Schema> branches = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
        if (json.isNull()) {
            if (branches.size() < schema.getTypes().size()) {
                return null;
            }
            throw new InvalidEventException(path, "must not be null");
        }
        InvalidEventException first = null;
        for (Schema branch : branches) {
            try {
                return value(branch, json, path);
            } catch (InvalidEventException e) {
                first = first == null ? e : first;
            }
        }
        if (branches.size() == 1) {
            throw first;
        }
        throw new InvalidEventException(path, "fits none of " + branches.stream().map(Schema::getName).toList()
                + ", got " + describe(json));
    }

    private static Instant timestamp(JsonNode json, String path) throws InvalidEventException {
        if (json.isIntegralNumber() && json.canConvertToLong()) {
            return Instant.ofEpochMilli(json.longValue());
        }
        if (json.isTextual()) {
            try {
                return OffsetDateTime.parse(json.textValue()).toInstant();
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new InvalidEventException(path, "expected an ISO-8601 timestamp with offset (e.g. "
                + "2026-03-02T09:15:00Z) or epoch milliseconds, got " + describe(json));
    }

    private static long longValue(JsonNode json, String path) throws InvalidEventException {
        require(json.isIntegralNumber() && json.canConvertToLong(), "a whole number", json, path);
        return json.longValue();
    }

    private static Object enumSymbol(Schema schema, JsonNode json, String path) throws InvalidEventException {
        if (!json.isTextual() || !schema.hasEnumSymbol(json.textValue())) {
            throw new InvalidEventException(path, "expected one of " + schema.getEnumSymbols() + ", got "
                    + describe(json));
        }
        return SpecificData.get().createEnum(json.textValue(), schema);
    }

    private static void require(boolean fits, String expected, JsonNode json, String path)
            throws InvalidEventException {
        if (!fits) {
            throw new InvalidEventException(path, json.isNull() ? "must not be null"
                    : "expected " + expected + ", got " + describe(json));
        }
    }

    private static String describe(JsonNode json) {
        String text = json.toString();
        String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
        return switch (json.getNodeType()) {
            case STRING -> "a string " + shown;
            case NUMBER -> (json.isIntegralNumber() ? "a whole number " : "a number ") + shown;
            case BOOLEAN -> "a boolean " + shown;
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> shown;
        };
    }

    /**
     * The generated builder of one record class, driven by reflection: {@code newBuilder()}, a typed setter per
     * field, {@code build()} (which fills in defaults).
     */
    private static final class BuilderAccess {
        private final Method newBuilder;
        private final Method[] setters;
        private final Method build;

        BuilderAccess(Schema schema) {
            Class<?> recordClass = SpecificData.get().getClass(schema);
            try {
                this.newBuilder = recordClass.getMethod("newBuilder");
                Class<?> builderClass = newBuilder.getReturnType();
                this.build = builderClass.getMethod("build");
                this.setters = new Method[schema.getFields().size()];
                for (Method method : builderClass.getMethods()) {
                    for (Schema.Field field : schema.getFields()) {
                        if (method.getName().equals(setterName(field)) && method.getParameterCount() == 1) {
                            setters[field.pos()] = method;
                        }
                    }
                }
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(recordClass + " is not a generated Avro record class", e);
            }
        }

        private static String setterName(Schema.Field field) {
            return "set" + Character.toUpperCase(field.name().charAt(0)) + field.name().substring(1);
        }

        Object newBuilder() {
            return invoke(newBuilder, null);
        }

        void set(Object builder, Schema.Field field, Object value) {
            invoke(setters[field.pos()], builder, value);
        }

        Object build(Object builder) {
            return invoke(build, builder);
        }

        private static Object invoke(Method method, Object target, Object... arguments) {
            try {
                return method.invoke(target, arguments);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof AvroRuntimeException avro) {
                    throw avro;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
