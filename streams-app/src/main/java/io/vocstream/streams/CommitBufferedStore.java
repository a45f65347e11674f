package io.vocstream.streams;

import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A store that keeps its changes in memory between commits, in a form of its own, and writes them to the logged
 * store underneath when Kafka Streams flushes it before committing a task: the changes are in the same transaction
 * as the offsets of the events that made them. It takes part in the commit protocol as a {@link CachedStateStore},
 * Kafka's internal hook for exactly this: {@link #flushCache} before a commit, {@link #clearCache} when a
 * transaction aborts (the changes are then made again from the re-read events). Everything else is the store
 * underneath.
 */
public abstract class CommitBufferedStore<S extends StateStore>
        implements StateStore, CachedStateStore<Object, Object> {
    protected final S store;

    protected CommitBufferedStore(S store) {
        this.store = store;
    }

    /** Writes the changes since the last commit to the store underneath. */
    @Override
    public abstract void flushCache();

    /** Drops the changes since the last commit. */
    @Override
    public abstract void clearCache();

    @Override
    public final boolean setFlushListener(CacheFlushListener<Object, Object> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public final String name() {
        return store.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        clearCache();
        store.init(context, root);
    }

    @Override
    public final void flush() {
        flushCache();
        store.flush();
    }

    @Override
    public final void commit(Map<TopicPartition, Long> changelogOffsets) {
        store.commit(changelogOffsets);
    }

    @Override
    public final Long committedOffset(TopicPartition partition) {
        return store.committedOffset(partition);
    }

    @Override
    public final boolean managesOffsets() {
        return store.managesOffsets();
    }

    @Override
    public final void close() {
        clearCache();
        store.close();
    }

    @Override
    public final boolean persistent() {
        return store.persistent();
    }

    @Override
    public final boolean isOpen() {
        return store.isOpen();
    }

    @Override
    public final <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return store.query(query, positionBound, config);
    }

    @Override
    public final Position getPosition() {
        return store.getPosition();
    }

    /**
     * Builds the store underneath with {@code underneath} (logged, uncached) and wraps it with {@code wrap}; caching
     * is the wrapper's own, so it cannot be turned off.
     */
    public static <S extends StateStore, T extends CommitBufferedStore<S>> StoreBuilder<T> builder(
            StoreBuilder<S> underneath, Function<S, T> wrap) {
        return new Builder<>(underneath, wrap);
    }

    private static final class Builder<S extends StateStore, T extends CommitBufferedStore<S>>
            implements StoreBuilder<T> {
        private final StoreBuilder<S> underneath;
        private final Function<S, T> wrap;

        Builder(StoreBuilder<S> underneath, Function<S, T> wrap) {
            this.underneath = underneath.withCachingDisabled();
            this.wrap = wrap;
        }

        @Override
        public StoreBuilder<T> withCachingEnabled() {
            return this;
        }

        @Override
        public StoreBuilder<T> withCachingDisabled() {
            throw new UnsupportedOperationException(name() + " always keeps its changes between commits");
        }

        @Override
        public StoreBuilder<T> withLoggingEnabled(Map<String, String> config) {
            underneath.withLoggingEnabled(config);
            return this;
        }

        @Override
        public StoreBuilder<T> withLoggingDisabled() {
            underneath.withLoggingDisabled();
            return this;
        }

        @Override
        public T build() {
            return wrap.apply(underneath.build());
        }

        @Override
        public Map<String, String> logConfig() {
            return underneath.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return underneath.loggingEnabled();
        }

        @Override
        public String name() {
            return underneath.name();
        }
    }
}
