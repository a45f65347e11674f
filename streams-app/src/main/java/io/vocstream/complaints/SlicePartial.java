package io.vocstream.complaints;

/** One slice's statistics from one instance's stores: what a fan-out leg answers and the coordinator merges. */
public record SlicePartial(String slice, ComplaintStats stats) {
}
