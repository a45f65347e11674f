package io.vocstream.complaints;

import java.util.List;
import java.util.stream.Stream;

/**
 * A complaint's first OPENED step, with what the detectors slice it by; the value of the arrivals repartition.
 *
 * @param assetId  the asset complained about, if given
 * @param feederId the feeder or substation of that asset, if given
 */
public record NewComplaint(String complaintId, long eventTime, String category, String region, String assetId,
                           String feederId) {
    /** Marks the repartition keys that go to the common-issue rule rather than the spike detectors. */
    static final String COMMON_ISSUE_KEY = "common-issue:";

    /** The dimensions whose spike detectors count this complaint: overall, per category, per category x region. */
    List<String> dimensions() {
        String byCategory = "category=" + category;
        return region == null ? List.of("all", byCategory)
                : List.of("all", byCategory, byCategory + ",region=" + region);
    }

    /**
     * The repartition keys of this complaint: its spike dimensions and, when it names a region, its common-issue
     * group (category and region, and the feeder or else the asset where given).
     */
    List<String> keys() {
        if (region == null) {
            return dimensions();
        }
        String group = "category=" + category + ",region=" + region
                + (feederId != null ? ",feeder=" + feederId : assetId != null ? ",asset=" + assetId : "");
        return Stream.concat(dimensions().stream(), Stream.of(COMMON_ISSUE_KEY + group)).toList();
    }

    static boolean isCommonIssueKey(String key) {
        return key.startsWith(COMMON_ISSUE_KEY);
    }
}
