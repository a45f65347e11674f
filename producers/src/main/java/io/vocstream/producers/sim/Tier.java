package io.vocstream.producers.sim;

/** Customer tier by contribution; higher tiers expect more and are looked after by named managers. */
enum Tier {
    STANDARD, SILVER, GOLD, VIP;

    private final String label = name().toLowerCase(java.util.Locale.ROOT);

    String label() {
        return label;
    }
}
