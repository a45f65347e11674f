package io.vocstream.complaints;

import java.util.List;

/**
 * The open complaints of one slice on one instance, counted per age band at the query's clock.
 *
 * @param ageBands              open complaints per band of {@link ComplaintQueries#AGE_BANDS}
 * @param overdueFirstResponse  open complaints without a first response past their category's promise
 * @param oldestOpenedAt        opening time of the oldest open complaint (epoch ms)
 */
public record BacklogPartial(String slice, List<Long> ageBands, long overdueFirstResponse, long oldestOpenedAt) {
    public BacklogPartial {
        ageBands = List.copyOf(ageBands);
    }
}
