package io.vocstream.buckets;

import io.vocstream.time.BucketSize;
import java.util.function.Function;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/** A bucket family's stores as reads see them, by bucket size: what {@link BucketQueries} merges a window from. */
@FunctionalInterface
public interface BucketStores<S> extends Function<BucketSize, ReadOnlyWindowStore<String, S>> {
}
