package io.vocstream.repair;

import java.util.List;

/**
 * A work order open now, as the open-orders store keeps it for answering "open now" without reading every order.
 *
 * @param createdAt         CREATED, epoch milliseconds
 * @param sliceKeys         the slices it counts in
 * @param customersAffected customers without supply, for an outage order (else 0)
 */
public record OpenOrder(long createdAt, List<String> sliceKeys, int customersAffected) {
    static OpenOrder of(WorkOrder order) {
        return new OpenOrder(order.creation().orElseThrow().at(), order.sliceKeys(),
                order.outage() ? order.customersAffected() : 0);
    }
}
