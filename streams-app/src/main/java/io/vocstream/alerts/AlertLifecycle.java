package io.vocstream.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The state machine of one (dimension, rule): OPEN when the signal fires and nothing is open, UPDATED when an open
 * alert gets materially worse (higher severity, the observed count grown by {@code updateFactor} since it was last
 * published, or new member complaints), RESOLVED once the signal has stayed CLEAR for {@code clearAfter}. Severity
 * never steps down while open, and an ELEVATED signal holds an open alert: together with a clearing level far
 * below the firing level this keeps an alert from flapping.
 *
 * @param clearAfter   how long the signal must stay CLEAR before the alert resolves
 * @param updateFactor growth of the observed count that is worth an UPDATED message (e.g. 1.5)
 */
public record AlertLifecycle(Duration clearAfter, double updateFactor) {

    /** The alert's next state, and whether that state is news worth publishing. */
    public record Step(Alert alert, boolean publish) {
    }

    public AlertLifecycle {
        if (clearAfter.isNegative()) {
            throw new IllegalArgumentException("clearAfter must not be negative, got " + clearAfter);
        }
        if (!(updateFactor > 1.0)) {
            throw new IllegalArgumentException("updateFactor must be above 1, got " + updateFactor);
        }
    }

    /**
     * @param current the open alert of this dimension and rule, if any
     * @return the step to store (and maybe publish); empty when there is neither an open alert nor a firing signal
     */
    public Optional<Step> next(Optional<Alert> current, String dimension, String rule, Signal signal, Instant at) {
        if (current.isEmpty() || !current.get().isOpen()) {
            return signal.level().fires() ? Optional.of(new Step(open(dimension, rule, signal, at), true))
                    : Optional.empty();
        }
        Alert alert = current.get();
        return Optional.of(switch (signal.level()) {
            case CRITICAL, WARNING -> worsened(alert, signal)
                    ? new Step(published(alert, Alert.Status.UPDATED, signal, at, null), true)
                    : new Step(withQuietSince(alert, null), false);
            case ELEVATED -> new Step(withQuietSince(alert, null), false);
            case CLEAR -> {
                if (alert.quietSince() == null) {
                    yield new Step(withQuietSince(alert, at), false);
                }
                yield Duration.between(alert.quietSince(), at).compareTo(clearAfter) >= 0
                        ? new Step(published(alert, Alert.Status.RESOLVED, signal, at, at), true)
                        : new Step(alert, false);
            }
        });
    }

    private static Alert open(String dimension, String rule, Signal s, Instant at) {
        return new Alert(Alert.idOf(dimension, rule, at), dimension, rule, Alert.Status.OPEN, s.level().severity(),
                s.observed(), s.expected(), s.pValue(), s.score(), s.baseline(), s.fallback(), at, at, null, null,
                s.memberIds());
    }

    private boolean worsened(Alert alert, Signal s) {
        return s.level().severity().compareTo(alert.severity()) > 0
                || s.observed() >= alert.observed() * updateFactor
                || !Set.copyOf(alert.memberIds()).containsAll(s.memberIds());
    }

    /** The alert with the signal's figures; a RESOLVED alert keeps the figures it was last published with. */
    private static Alert published(Alert a, Alert.Status status, Signal s, Instant at, Instant resolvedAt) {
        if (status == Alert.Status.RESOLVED) {
            return new Alert(a.id(), a.dimension(), a.rule(), status, a.severity(), a.observed(), a.expected(),
                    a.pValue(), a.score(), a.baseline(), a.fallback(), a.startTime(), at, resolvedAt, a.quietSince(),
                    a.memberIds());
        }
        Alert.Severity severity = s.level().severity().compareTo(a.severity()) > 0 ? s.level().severity()
                : a.severity();
        Set<String> members = new LinkedHashSet<>(a.memberIds());
        members.addAll(s.memberIds());
        return new Alert(a.id(), a.dimension(), a.rule(), status, severity, s.observed(), s.expected(), s.pValue(),
                s.score(), s.baseline(), s.fallback(), a.startTime(), at, null, null, new ArrayList<>(members));
    }

    private static Alert withQuietSince(Alert a, Instant quietSince) {
        return new Alert(a.id(), a.dimension(), a.rule(), a.status(), a.severity(), a.observed(), a.expected(),
                a.pValue(), a.score(), a.baseline(), a.fallback(), a.startTime(), a.updateTime(), a.resolvedTime(),
                quietSince, a.memberIds());
    }
}
