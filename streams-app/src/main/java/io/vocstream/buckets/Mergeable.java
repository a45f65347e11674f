package io.vocstream.buckets;

/**
 * Statistics that combine: {@code merge} is associative and commutative and returns a new value, and an empty
 * instance is its identity. Buckets of any partition, instance and time merge into the figure of any window.
 */
public interface Mergeable<S extends Mergeable<S>> {
    S merge(S other);
}
