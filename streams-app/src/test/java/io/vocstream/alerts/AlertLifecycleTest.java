package io.vocstream.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertLifecycleTest {
    private static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");
    private final AlertLifecycle lifecycle = new AlertLifecycle(Duration.ofMinutes(30), 1.5);

    private static Signal signal(Signal.Level level, long observed, String... members) {
        return new Signal(level, observed, 2.0, 1e-4, observed / 2.0, "test baseline", false, List.of(members));
    }

    private Optional<AlertLifecycle.Step> step(Alert current, Signal signal, int minute) {
        return lifecycle.next(Optional.ofNullable(current), "category=billing", "poisson-spike", signal,
                T0.plus(Duration.ofMinutes(minute)));
    }

    @Test
    void aFiringSignalOpensAnAlertWithTheSignalsFigures() {
        AlertLifecycle.Step opened = step(null, signal(Signal.Level.WARNING, 9), 0).orElseThrow();
        assertTrue(opened.publish());
        Alert a = opened.alert();
        assertEquals(Alert.Status.OPEN, a.status());
        assertEquals(Alert.Severity.WARNING, a.severity());
        assertEquals(9, a.observed());
        assertEquals(T0, a.startTime());
        assertEquals("category=billing|poisson-spike", a.key());
    }

    @Test
    void nothingHappensWithoutAnOpenAlertUnlessTheSignalFires() {
        assertTrue(step(null, signal(Signal.Level.ELEVATED, 4), 0).isEmpty());
        assertTrue(step(null, signal(Signal.Level.CLEAR, 0), 0).isEmpty());
    }

    @Test
    void aStillFiringSignalDoesNotOpenASecondAlert() {
        Alert open = step(null, signal(Signal.Level.WARNING, 9), 0).orElseThrow().alert();
        AlertLifecycle.Step again = step(open, signal(Signal.Level.WARNING, 10), 1).orElseThrow();
        assertFalse(again.publish()); // 10 < 9 x 1.5 = 13.5: not material
        assertEquals(open.id(), again.alert().id());
        assertEquals(Alert.Status.OPEN, again.alert().status());
    }

    @Test
    void anAlertIsUpdatedWhenItsSeverityRisesOrItsCountGrowsByTheFactor() {
        Alert open = step(null, signal(Signal.Level.WARNING, 9), 0).orElseThrow().alert();
        AlertLifecycle.Step grown = step(open, signal(Signal.Level.WARNING, 14), 2).orElseThrow();
        assertTrue(grown.publish()); // 14 >= 13.5
        assertEquals(Alert.Status.UPDATED, grown.alert().status());
        assertEquals(14, grown.alert().observed());
        AlertLifecycle.Step critical = step(grown.alert(), signal(Signal.Level.CRITICAL, 15), 3).orElseThrow();
        assertTrue(critical.publish());
        assertEquals(Alert.Severity.CRITICAL, critical.alert().severity());
        AlertLifecycle.Step calmer = step(critical.alert(), signal(Signal.Level.WARNING, 15), 4).orElseThrow();
        assertFalse(calmer.publish());
        assertEquals(Alert.Severity.CRITICAL, calmer.alert().severity(), "severity does not step down while open");
    }

    @Test
    void newMemberComplaintsUpdateACommonIssue() {
        Alert open = step(null, signal(Signal.Level.WARNING, 3, "c1", "c2", "c3"), 0).orElseThrow().alert();
        AlertLifecycle.Step joined = step(open, signal(Signal.Level.WARNING, 4, "c2", "c3", "c4"), 5).orElseThrow();
        assertTrue(joined.publish());
        assertEquals(List.of("c1", "c2", "c3", "c4"), joined.alert().memberIds());
    }

    @Test
    void anAlertResolvesOnlyAfterTheSignalStayedClearForTheClearingTime() {
        Alert open = step(null, signal(Signal.Level.WARNING, 9), 0).orElseThrow().alert();
        Alert quiet = step(open, signal(Signal.Level.CLEAR, 1), 10).orElseThrow().alert();
        assertEquals(T0.plus(Duration.ofMinutes(10)), quiet.quietSince());
        AlertLifecycle.Step early = step(quiet, signal(Signal.Level.CLEAR, 1), 39).orElseThrow();
        assertFalse(early.publish()); // 29 min clear < 30
        AlertLifecycle.Step resolved = step(early.alert(), signal(Signal.Level.CLEAR, 0), 40).orElseThrow();
        assertTrue(resolved.publish());
        assertEquals(Alert.Status.RESOLVED, resolved.alert().status());
        assertEquals(T0.plus(Duration.ofMinutes(40)), resolved.alert().resolvedTime());
        assertEquals(9, resolved.alert().observed(), "a resolved alert keeps the figures it was published with");
    }

    @Test
    void anElevatedSignalHoldsTheAlertAndRestartsTheClearingTime() {
        Alert open = step(null, signal(Signal.Level.WARNING, 9), 0).orElseThrow().alert();
        Alert quiet = step(open, signal(Signal.Level.CLEAR, 1), 10).orElseThrow().alert();
        Alert held = step(quiet, signal(Signal.Level.ELEVATED, 4), 25).orElseThrow().alert();
        assertNull(held.quietSince());
        Alert quietAgain = step(held, signal(Signal.Level.CLEAR, 1), 26).orElseThrow().alert();
        AlertLifecycle.Step stillOpen = step(quietAgain, signal(Signal.Level.CLEAR, 1), 50).orElseThrow();
        assertFalse(stillOpen.publish()); // clear since minute 26: 24 min < 30
        assertTrue(stillOpen.alert().isOpen());
    }

    @Test
    void afterResolutionAFiringSignalOpensANewAlertWithANewId() {
        Alert open = step(null, signal(Signal.Level.WARNING, 9), 0).orElseThrow().alert();
        Alert quiet = step(open, signal(Signal.Level.CLEAR, 0), 1).orElseThrow().alert();
        Alert resolved = step(quiet, signal(Signal.Level.CLEAR, 0), 31).orElseThrow().alert();
        AlertLifecycle.Step reopened = step(resolved, signal(Signal.Level.WARNING, 9), 40).orElseThrow();
        assertEquals(Alert.Status.OPEN, reopened.alert().status());
        assertFalse(reopened.alert().id().equals(open.id()));
    }
}
