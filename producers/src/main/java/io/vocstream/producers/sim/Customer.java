package io.vocstream.producers.sim;

/**
 * One customer of the stable population. Business customers are one of the three key people of an account, with
 * the role they play in it.
 *
 * @param accountId null for residential customers
 * @param role      respondent role in the account, null for residential customers
 */
record Customer(int index, String id, Region region, int feeder, Segment segment, Tier tier, String accountId,
                String role) {

    String feederId() {
        return region.feederId(feeder);
    }

    /** The customer's meter, the asset most repairs are about. */
    String assetId() {
        return "meter-" + index;
    }
}
