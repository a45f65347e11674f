package io.vocstream.producers.sim;

/** Customer segment (DOMAIN.md section 6); commercial and industrial customers belong to accounts. */
enum Segment {
    RESIDENTIAL, COMMERCIAL, INDUSTRIAL;

    private final String label = name().toLowerCase(java.util.Locale.ROOT);

    String label() {
        return label;
    }

    boolean business() {
        return this != RESIDENTIAL;
    }
}
