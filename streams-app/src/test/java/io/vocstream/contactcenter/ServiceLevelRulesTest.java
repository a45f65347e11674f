package io.vocstream.contactcenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ServiceLevelRulesTest {
    private static final ServiceLevelRules RULES = ServiceLevelRules.of(ServiceLevelRules.BUILT_IN_DEFAULT, Map.of(
            "billing", "threshold=20s formula=answered short-abandon=5s;"
                    + " from=2026-03-02T10:15:00Z threshold=30s formula=answered+abandoned short-abandon=5s"));

    @Test
    @DisplayName("a rule change applies from its time on and leaves the interval closed before it untouched")
    void ruleChangeLeavesClosedIntervals() {
        ContactLog log = ContactLifecycleTest.fed(ContactLifecycleTest.quarterHour());
        ServiceLevelRule closed = RULES.inForce("billing", ContactLifecycleTest.Q1);
        QueueFigures before = QueueFigures.of(log.quarter("billing", ContactLifecycleTest.Q1), closed);
        assertEquals(1, closed.version());
        assertEquals(2.0 / 3, before.serviceLevel(), 1e-9);
        assertNull(before.serviceLevelRuleFrom());

        ServiceLevelRule open = RULES.inForce("billing", ContactLifecycleTest.Q2);
        assertEquals(2, open.version());
        assertEquals(30, open.thresholdSeconds());
        QueueFigures after = QueueFigures.of(log.quarter("billing", ContactLifecycleTest.Q2), open);
        assertEquals(1.0, after.serviceLevel(), 1e-9); // c6 waited 20 s <= 30 s, nothing abandoned
        assertEquals(Instant.parse("2026-03-02T10:15:00Z"), after.serviceLevelRuleFrom());
        assertEquals("answered+abandoned", after.serviceLevelFormula());
        // the closed interval is still judged by version 1, however often it is asked for
        assertEquals(before, QueueFigures.of(log.quarter("billing", ContactLifecycleTest.Q1),
                RULES.inForce("billing", ContactLifecycleTest.Q1)));
    }

    @Test
    @DisplayName("a queue without a rule of its own follows the default, named after the queue")
    void defaultRule() {
        ServiceLevelRule rule = RULES.inForce("sales", ContactLifecycleTest.Q1);
        assertEquals("sales", rule.queue());
        assertEquals(20, rule.thresholdSeconds());
        assertEquals(ServiceLevelFormula.ANSWERED, rule.formula());
        assertEquals(5, rule.shortAbandonSeconds());
        assertEquals(80.0, rule.targetPercent(), 1e-9);
    }

    @Test
    @DisplayName("bad rules are refused with the reason")
    void badRules() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServiceLevelRules.of("threshold=20s", Map.of()))
                .getMessage().contains("threshold and formula are required"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServiceLevelRules.of("threshold=20s formula=quick", Map.of()))
                .getMessage().contains("unknown service-level formula 'quick'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServiceLevelRules.of("threshold=20s formula=answered; threshold=30s formula=answered", Map.of()))
                .getMessage().contains("needs a from= time"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServiceLevelRules.of("threshold=9999s formula=answered", Map.of()))
                .getMessage().contains("threshold must be between 0 and 3600"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServiceLevelRules.of("threshold=20s formula=answered colour=red", Map.of()))
                .getMessage().contains("unknown key 'colour'"));
    }
}
