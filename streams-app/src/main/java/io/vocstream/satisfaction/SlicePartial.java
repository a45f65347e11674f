package io.vocstream.satisfaction;

/** One slice's statistics over a window as one instance holds them; partials of the same slice merge. */
public record SlicePartial(String slice, SatisfactionStats stats) {
}
