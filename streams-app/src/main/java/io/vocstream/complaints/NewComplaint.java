package io.vocstream.complaints;

import java.util.List;

/** A complaint's first OPENED step, with what the detectors slice it by; the value of the arrivals repartition. */
public record NewComplaint(String complaintId, long eventTime, String category, String region) {

    /** The dimensions whose spike detectors count this complaint: overall, per category, per category x region. */
    List<String> dimensions() {
        String byCategory = "category=" + category;
        return region == null ? List.of("all", byCategory)
                : List.of("all", byCategory, byCategory + ",region=" + region);
    }
}
