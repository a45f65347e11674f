package io.vocstream.producers.sim;

/**
 * A region of the service territory: where customers live, where crews work and where feeders fail. Customers of a
 * region are numbered {@code firstCustomer .. firstCustomer + customers - 1}, {@link #FEEDER_SIZE} per feeder.
 *
 * @param outagesPerDay feeder outages starting per day in normal weather
 * @param crews         field crews on duty at volume scale 1
 */
record Region(String name, boolean urban, int firstCustomer, int customers, double outagesPerDay, int crews) {
    static final int FEEDER_SIZE = 2000;

    int feeders() {
        return (customers + FEEDER_SIZE - 1) / FEEDER_SIZE;
    }

    String feederId(int feeder) {
        return String.format("%s-f%03d", name, feeder);
    }

    boolean contains(int customer) {
        return customer >= firstCustomer && customer < firstCustomer + customers;
    }
}
