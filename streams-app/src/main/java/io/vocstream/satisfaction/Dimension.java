package io.vocstream.satisfaction;

import io.vocstream.buckets.SliceKeys;
import io.vocstream.events.SurveyResponse;
import java.util.Locale;
import java.util.function.Function;

/** The dimensions a survey response is sliced by; a missing value counts under {@code unknown}. */
public enum Dimension {
    ALL(r -> SliceKeys.ALL),
    REGION(SurveyResponse::getRegion),
    SEGMENT(SurveyResponse::getSegment),
    TIER(SurveyResponse::getTier),
    CHANNEL(r -> r.getChannel().name()),
    QUEUE(SurveyResponse::getQueue),
    AGENT(SurveyResponse::getAgentId),
    TOUCHPOINT(r -> r.getTouchpoint().name()),
    ACCOUNT(SurveyResponse::getAccountId);

    private final Function<SurveyResponse, String> valueOf;

    Dimension(Function<SurveyResponse, String> valueOf) {
        this.valueOf = valueOf;
    }

    /** The name used in slice keys and the {@code dimension} parameter: {@code region}, {@code account}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String sliceKeyOf(SurveyResponse response) {
        return SliceKeys.of(key(), valueOf.apply(response));
    }
}
