package io.vocstream.producers.sim;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The stable customer population. Attributes are a pure function of the customer number (not of the run's seed), so
 * the same customer is the same in every run and no per-customer memory is needed for millions of customers:
 * repeat contacts and repeat complaints find the same region, segment, tier and account.
 */
final class CustomerPopulation {
    private static final long POPULATION_SALT = 0x5EED_C0FF_EE15_2026L;
    private static final String[] ROLES = {"decision_maker", "manager", "user"};

    private final List<Region> regions;

    CustomerPopulation(List<Region> regions) {
        this.regions = regions;
    }

    Customer customer(int index) {
        Region region = regionOf(index);
        int feeder = (index - region.firstCustomer()) / Region.FEEDER_SIZE;
        // Business accounts are blocks of three consecutive customer numbers: the account's key people.
        int block = index / 3;
        double segmentDraw = unit(block, 1);
        Segment segment = segmentDraw < 0.02 ? Segment.INDUSTRIAL
                : segmentDraw < (region.urban() ? 0.13 : 0.09) ? Segment.COMMERCIAL : Segment.RESIDENTIAL;
        Tier tier = tierOf(segment, unit(segment.business() ? block : index, 2));
        String accountId = segment.business() ? "acct-" + block : null;
        String role = segment.business() ? ROLES[index % 3] : null;
        return new Customer(index, "cust-" + index, region, feeder, segment, tier, accountId, role);
    }

    /** A customer of {@code region}, uniformly. */
    Customer anyIn(Region region, RandomGenerator random) {
        return customer(region.firstCustomer() + random.nextInt(region.customers()));
    }

    private Region regionOf(int index) {
        for (Region region : regions) {
            if (region.contains(index)) {
                return region;
            }
        }
        throw new IllegalArgumentException("no customer number " + index);
    }

    private static Tier tierOf(Segment segment, double draw) {
        return switch (segment) {
            case RESIDENTIAL -> draw < 0.70 ? Tier.STANDARD : draw < 0.90 ? Tier.SILVER : draw < 0.98 ? Tier.GOLD
                    : Tier.VIP;
            case COMMERCIAL -> draw < 0.40 ? Tier.STANDARD : draw < 0.70 ? Tier.SILVER : draw < 0.92 ? Tier.GOLD
                    : Tier.VIP;
            case INDUSTRIAL -> draw < 0.40 ? Tier.GOLD : Tier.VIP;
        };
    }

    /** A uniform number in [0, 1) determined by the customer (or account) number and the attribute. */
    private static double unit(long number, int attribute) {
        return (Mix.mix64(POPULATION_SALT ^ Mix.mix64(number * 31 + attribute)) >>> 11) * 0x1.0p-53;
    }
}
