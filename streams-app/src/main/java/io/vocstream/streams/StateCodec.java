package io.vocstream.streams;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The shared form of the hand-written binary serdes of per-entity state and bucket statistics, the values read and
 * written on nearly every event or commit (as Smile their round trips took about a fifth of a stream thread's time
 * in the catch-up benchmark). Each serde states its own layout in these terms, big-endian: a version byte, then its
 * components in order; an int or long or double as itself; a string as its UTF-8 length (int) and bytes, length -1
 * for {@code null}; a nullable value as a presence byte (0 absent, 1 present) and, if present, the value; a
 * collection as its size (int) and its elements; a map as its size and each key and value; an enum constant as its
 * name, so that reordering the constants cannot change what stored values mean. A value is read completely or not
 * at all: a version other than the serde's, bytes that end early, or bytes left over are a
 * {@link SerializationException} naming the kind of value. A change of layout takes a new version.
 */
public final class StateCodec {
    private static final int NULL_LENGTH = -1;
    private static final byte ABSENT = 0;
    private static final byte PRESENT = 1;
    private static final int INITIAL_CAPACITY = 256;

    private StateCodec() {
    }

    /** Writes a value's components, after the version byte. */
    @FunctionalInterface
    public interface Layout<T> {
        void write(Writer out, T value);
    }

    /** Reads a value's components, after the version byte. */
    @FunctionalInterface
    public interface Parser<T> {
        T read(Reader in);
    }

    /**
     * A serde of {@code what} (a phrase for error messages, e.g. "contact state") in layout {@code version};
     * {@code null} stays {@code null}, as a store's tombstone.
     */
    public static <T> Serde<T> serde(String what, byte version, Layout<T> layout, Parser<T> parser) {
        Serializer<T> serializer = (topic, value) -> value == null ? null : write(version, layout, value);
        Deserializer<T> deserializer = (topic, bytes) -> bytes == null ? null : read(what, version, parser, bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    /** {@code value}'s bytes: {@code version}, then its components as {@code layout} writes them. */
    public static <T> byte[] write(byte version, Layout<T> layout, T value) {
        Writer out = new Writer();
        out.putByte(version);
        layout.write(out, value);
        return out.toByteArray();
    }

    /** The value {@code bytes} hold, if they are exactly one value of {@code version}; see {@link #serde}. */
    public static <T> T read(String what, byte version, Parser<T> parser, byte[] bytes) {
        if (bytes.length == 0) {
            throw new SerializationException("truncated " + what + ": no bytes, not even its version");
        }
        if (bytes[0] != version) {
            throw new SerializationException(what + " of unknown version " + bytes[0] + " (this code reads version "
                    + version + ")");
        }
        Reader in = new Reader(bytes);
        T value;
        try {
            value = parser.read(in);
        } catch (BufferUnderflowException e) {
            throw new SerializationException("truncated " + what + ": its " + bytes.length + " bytes end early", e);
        } catch (IllegalArgumentException e) {
            // an invalid length, marker or enum name, or what a record's constructor refuses
            throw new SerializationException("corrupt " + what + " (" + bytes.length + " bytes): " + e.getMessage(),
                    e);
        }
        if (in.in.hasRemaining()) {
            throw new SerializationException("corrupt " + what + ": " + in.in.remaining() + " of its " + bytes.length
                    + " bytes are left over");
        }
        return value;
    }

    /** Appends components to a growing buffer. */
    public static final class Writer {
        private ByteBuffer out = ByteBuffer.allocate(INITIAL_CAPACITY);

        private Writer() {
        }

        private Writer putByte(byte b) {
            room(1).put(b);
            return this;
        }

        public Writer putInt(int i) {
            room(Integer.BYTES).putInt(i);
            return this;
        }

        public Writer putLong(long l) {
            room(Long.BYTES).putLong(l);
            return this;
        }

        public Writer putDouble(double d) {
            room(Double.BYTES).putDouble(d);
            return this;
        }

        /** A string, {@code null} included. */
        public Writer putString(String s) {
            if (s == null) {
                return putInt(NULL_LENGTH);
            }
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            room(Integer.BYTES + utf8.length).putInt(utf8.length).put(utf8);
            return this;
        }

        /** Bytes another serde wrote, length-prefixed. */
        public Writer putBytes(byte[] bytes) {
            room(Integer.BYTES + bytes.length).putInt(bytes.length).put(bytes);
            return this;
        }

        /** An enum constant by its name; {@code null} included. */
        public Writer putEnum(Enum<?> constant) {
            return putString(constant == null ? null : constant.name());
        }

        /** A value that may be {@code null}: a presence byte, then the value as {@code layout} writes it. */
        public <E> Writer putNullable(E value, BiConsumer<Writer, ? super E> layout) {
            if (value == null) {
                return putByte(ABSENT);
            }
            putByte(PRESENT);
            layout.accept(this, value);
            return this;
        }

        public Writer putStrings(Collection<String> strings) {
            putInt(strings.size());
            for (String s : strings) {
                putString(s);
            }
            return this;
        }

        public <E> Writer putList(List<E> elements, BiConsumer<Writer, ? super E> layout) {
            putInt(elements.size());
            for (E e : elements) {
                layout.accept(this, e);
            }
            return this;
        }

        /** A map as its size and its entries in iteration order, each key then value. */
        public <K, V> Writer putMap(Map<K, V> map, BiConsumer<Writer, ? super K> keyLayout,
                                    BiConsumer<Writer, ? super V> valueLayout) {
            putInt(map.size());
            map.forEach((key, value) -> {
                keyLayout.accept(this, key);
                valueLayout.accept(this, value);
            });
            return this;
        }

        private ByteBuffer room(int bytes) {
            if (out.remaining() < bytes) {
                ByteBuffer larger = ByteBuffer.allocate(Math.max(2 * out.capacity(), out.position() + bytes));
                out = larger.put(out.flip());
            }
            return out;
        }

        private byte[] toByteArray() {
            return Arrays.copyOf(out.array(), out.position());
        }
    }

    /** Takes components from a value's bytes in the order they were written. */
    public static final class Reader {
        private final byte[] bytes;
        private final ByteBuffer in;

        private Reader(byte[] bytes) {
            this.bytes = bytes;
            this.in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        }

        public int getInt() {
            return in.getInt();
        }

        public long getLong() {
            return in.getLong();
        }

        public double getDouble() {
            return in.getDouble();
        }

        /** A string or {@code null}. */
        public String getString() {
            int length = in.getInt();
            if (length == NULL_LENGTH) {
                return null;
            }
            String s = new String(bytes, in.position(), length(length, "string length"), StandardCharsets.UTF_8);
            in.position(in.position() + length);
            return s;
        }

        public byte[] getBytes() {
            byte[] out = new byte[length(in.getInt(), "byte string length")];
            in.get(out);
            return out;
        }

        /** The constant of {@code type} named here; an unknown name is corrupt (e.g. state of a newer version). */
        public <E extends Enum<E>> E getEnum(Class<E> type) {
            String name = getString();
            if (name == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("no " + type.getSimpleName() + " named " + name, e);
            }
        }

        /** A value written by {@link Writer#putNullable}, or {@code null}. */
        public <E> E getNullable(Function<Reader, E> parser) {
            return present() ? parser.apply(this) : null;
        }

        public List<String> getStringList() {
            return List.of(strings());
        }

        public Set<String> getStringSet() {
            return Set.of(strings()); // refuses duplicates, which a set never wrote
        }

        @SuppressWarnings("unchecked")
        public <E> List<E> getList(Function<Reader, E> parser) {
            Object[] elements = new Object[count()];
            for (int i = 0; i < elements.length; i++) {
                elements[i] = parser.apply(this);
            }
            return (List<E>) List.of(elements);
        }

        /** A map written by {@link Writer#putMap}, sorted by its keys' natural order. */
        public <K, V> NavigableMap<K, V> getSortedMap(Function<Reader, K> keyParser, Function<Reader, V> valueParser) {
            NavigableMap<K, V> map = new TreeMap<>();
            for (int n = count(); n > 0; n--) {
                K key = keyParser.apply(this);
                if (map.put(key, valueParser.apply(this)) != null) {
                    throw new IllegalArgumentException("duplicate map key " + key);
                }
            }
            return map;
        }

        private String[] strings() {
            String[] strings = new String[count()];
            for (int i = 0; i < strings.length; i++) {
                strings[i] = getString();
                if (strings[i] == null) {
                    throw new IllegalArgumentException("null in a collection of strings");
                }
            }
            return strings;
        }

        /** A collection's size: every element takes at least a byte, so more than remain means the bytes end early. */
        private int count() {
            return length(in.getInt(), "collection size");
        }

        private int length(int length, String of) {
            if (length < 0) {
                throw new IllegalArgumentException(of + " " + length);
            }
            if (length > in.remaining()) {
                throw new BufferUnderflowException();
            }
            return length;
        }

        private boolean present() {
            byte b = in.get();
            if (b != ABSENT && b != PRESENT) {
                throw new IllegalArgumentException("presence byte " + b);
            }
            return b == PRESENT;
        }
    }
}
