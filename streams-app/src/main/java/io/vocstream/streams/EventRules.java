package io.vocstream.streams;

import io.vocstream.events.IndicatorScore;
import io.vocstream.events.RepairEvent;
import io.vocstream.events.SurveyResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * What makes a decodable event usable: the checks the schema cannot express. Every capability relies on them, so
 * they run once, before any capability sees the event.
 */
public final class EventRules {
    /**
     * Events stamped further ahead of this instance's clock than this are clock errors, not the future. It must stay
     * below the broker's {@code log.message.timestamp.after.max.ms} (1 hour by default since Kafka 4.0): state
     * changelog records carry the event's time, and a broker refusing one would stop processing.
     */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    /** No single wait, talk, hold or wrap-up lasts longer than this. */
    static final double MAX_DURATION_SECONDS = Duration.ofDays(7).toSeconds();
    /** The character no queue or IVR line id may contain: it separates the queue from the slice in stored keys. */
    public static final char QUEUE_ID_SEPARATOR = '|';
    private static final Set<String> QUEUE_ID_FIELDS = Set.of("queue", "queues", "targetQueue", "transferToQueue",
            "ivrLine");
    /**
     * The character no text may contain: stored keys end a slice with it (a dimension value holding it would merge
     * into another slice), and in an id or a name it is a sign of corrupt bytes.
     */
    public static final char KEY_TERMINATOR = '\u0000';

    private final Duration maxAge;
    private final Duration maxAhead;
    /** The checks of each event schema's fields, worked out from their names once per schema, not per event. */
    private final Map<Schema, List<FieldRule>> rulesBySchema = new ConcurrentHashMap<>();

    /** What one field of a schema is checked for, besides holding no U+0000. */
    private record FieldRule(int pos, String name, boolean eventTime, boolean id, boolean queueId, boolean seconds) {
        static List<FieldRule> of(Schema schema) {
            return schema.getFields().stream().map(field -> new FieldRule(field.pos(), field.name(),
                    field.name().equals("eventTime"), field.name().endsWith("Id"),
                    QUEUE_ID_FIELDS.contains(field.name()), field.name().endsWith("Seconds"))).toList();
        }
    }

    /** @param maxAge events older than this (against the wall clock) are refused as misdated */
    public EventRules(Duration maxAge) {
        this(maxAge, MAX_CLOCK_SKEW);
    }

    /**
     * @param maxAge   events older than this (against the wall clock) are refused as misdated
     * @param maxAhead events further ahead of the wall clock than this are refused as misdated
     */
    public EventRules(Duration maxAge, Duration maxAhead) {
        this.maxAge = maxAge;
        this.maxAhead = maxAhead;
    }

    /** Why {@code event} cannot be used, or {@code null} if it can. */
    public String problemOf(SpecificRecord event, long nowMillis) {
        for (FieldRule field : rulesBySchema.computeIfAbsent(event.getSchema(), FieldRule::of)) {
            String problem = fieldProblem(field, event.get(field.pos()), nowMillis);
            if (problem != null) {
                return problem;
            }
        }
        if (event instanceof SurveyResponse survey) {
            return surveyProblem(survey);
        }
        if (event instanceof RepairEvent repair) {
            return repairProblem(repair);
        }
        return null;
    }

    private String fieldProblem(FieldRule field, Object value, long nowMillis) {
        String name = field.name();
        if (field.eventTime()) {
            long t = ((Instant) value).toEpochMilli();
            if (t > nowMillis + maxAhead.toMillis()) {
                return "eventTime " + value + " is more than " + maxAhead.toMinutes() + " minutes ahead of the clock ("
                        + Instant.ofEpochMilli(nowMillis) + ")";
            }
            if (t < nowMillis - maxAge.toMillis()) {
                return "eventTime " + value + " is older than events.max.age (" + maxAge.toDays() + " days)";
            }
        } else if (field.id() && value instanceof CharSequence id && id.toString().isBlank()) {
            return name + " is blank";
        } else if (holds(value, KEY_TERMINATOR)) {
            return name + " contains U+0000, which no text may";
        } else if (field.queueId() && holds(value, QUEUE_ID_SEPARATOR)) {
            return name + " " + value + " contains '" + QUEUE_ID_SEPARATOR + "', which no queue or IVR line id may";
        } else if (field.seconds() && value instanceof Double seconds
                && !(seconds >= 0 && seconds <= MAX_DURATION_SECONDS)) {
            return name + " is " + seconds + ", not between 0 and " + (long) MAX_DURATION_SECONDS;
        }
        return null;
    }

    /** Whether a text, or a text in a list, holds {@code c}. */
    private static boolean holds(Object value, char c) {
        if (value instanceof Collection<?> many) {
            return many.stream().anyMatch(one -> holds(one, c));
        }
        return value instanceof CharSequence text && text.toString().indexOf(c) >= 0;
    }

    private static String surveyProblem(SurveyResponse survey) {
        String problem = scaleProblem("csat", survey.getCsat(), 1, 5);
        problem = problem != null ? problem : scaleProblem("nps", survey.getNps(), 0, 10);
        problem = problem != null ? problem : scaleProblem("ces", survey.getCes(), 1, 7);
        if (problem != null) {
            return problem;
        }
        for (IndicatorScore score : survey.getIndicators()) {
            String name = "indicator '" + score.getIndicator() + "'";
            if (score.getScaleMax() < 2) {
                return name + " has scaleMax " + score.getScaleMax() + ", below 2";
            }
            if (!(score.getExpected() >= 1 && score.getExpected() <= score.getScaleMax())) {
                return name + " expected " + score.getExpected() + " is outside 1.." + score.getScaleMax();
            }
            if (!(score.getPerceived() >= 1 && score.getPerceived() <= score.getScaleMax())) {
                return name + " perceived " + score.getPerceived() + " is outside 1.." + score.getScaleMax();
            }
            if (score.getWeight() != null && !(score.getWeight() >= 0 && Double.isFinite(score.getWeight()))) {
                return name + " weight " + score.getWeight() + " is negative or not a number";
            }
        }
        return null;
    }

    private static String scaleProblem(String name, Integer score, int min, int max) {
        return score == null || (score >= min && score <= max) ? null
                : name + " is " + score + ", outside its scale " + min + ".." + max;
    }

    private static String repairProblem(RepairEvent repair) {
        if (repair.getCustomersAffected() != null && repair.getCustomersAffected() < 0) {
            return "customersAffected is " + repair.getCustomersAffected() + ", below 0";
        }
        Instant start = repair.getPromisedWindowStart();
        Instant end = repair.getPromisedWindowEnd();
        if (start != null && end != null && end.isBefore(start)) {
            return "promisedWindowEnd " + end + " is before promisedWindowStart " + start;
        }
        return null;
    }
}
