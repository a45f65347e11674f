package io.vocstream.contactcenter;

import java.time.Instant;

/**
 * A queue's figures over some time range, flat for Grafana's Infinity data source. Every ratio and mean carries
 * its n and is {@code null} when n is 0. Seconds are event-time seconds; rates are fractions between 0 and 1.
 *
 * @param shortAbandons          abandons after a wait of at most {@code shortAbandonSeconds}, counted apart
 *                               (of the {@code shortAbandonsN} abandons whose wait is known)
 * @param abandonmentRate        (abandoned - short abandons) / (answered + abandoned - short abandons)
 * @param asaSeconds             average speed of answer: mean wait of answered contacts
 * @param averageWaitSeconds     mean wait of contacts that left the line: answered, abandoned, callback requested
 * @param serviceLevel           answered within T / the denominator of {@code serviceLevelFormula}
 * @param serviceLevelRuleFrom   when the rule version that produced the service level took effect; {@code null}
 *                               for a first version
 * @param ahtSeconds             average handle time: (talk + hold + after-call work) / legs handled with a known
 *                               time (completed contacts reporting talk time, legs ended by a transfer)
 * @param transferRate           transfers out of the queue / answered
 * @param repeatContactRate      repeat contacts / contacts of identified customers (a repeat: the customer's previous
 *                               contact began at most the repeat window before)
 */
public record QueueFigures(
        long offered, long answered, long abandoned,
        long shortAbandons, long shortAbandonsN, int shortAbandonSeconds,
        Double abandonmentRate, long abandonmentRateN,
        Double asaSeconds, long asaN,
        Double averageWaitSeconds, Double maxWaitSeconds, long waitN,
        Double serviceLevel, long serviceLevelN, long answeredWithinThreshold,
        int serviceLevelThresholdSeconds, String serviceLevelFormula, String serviceLevelFormulaText,
        int serviceLevelRuleVersion, Instant serviceLevelRuleFrom, Double serviceLevelTarget,
        Double ahtSeconds, long ahtN, long handled,
        long transfers, Double transferRate, long transferRateN,
        long callbacksRequested, long callbacksCompleted,
        long repeatContacts, Double repeatContactRate, long repeatContactRateN) {

    /** Figures of a queue whose contacts name no customer (no repeat-contact information). */
    public static QueueFigures of(QueueStats s, ServiceLevelRule rule) {
        return of(s, RepeatStats.EMPTY, rule);
    }

    public static QueueFigures of(QueueStats s, RepeatStats repeats, ServiceLevelRule rule) {
        long answeredKnown = s.answeredWaits().total();
        long abandonedKnown = s.abandonedWaits().total();
        long shortAbandons = s.abandonedWaits().atMost(rule.shortAbandonSeconds());
        long abandonmentN = s.answered() + s.abandoned() - shortAbandons;
        long waitN = answeredKnown + abandonedKnown + s.callbackWaits();
        long within = s.answeredWaits().atMost(rule.thresholdSeconds());
        long serviceLevelN = rule.formula().denominator(answeredKnown, abandonedKnown, shortAbandons);
        return new QueueFigures(
                s.offered(), s.answered(), s.abandoned(),
                shortAbandons, abandonedKnown, rule.shortAbandonSeconds(),
                ratio(s.abandoned() - shortAbandons, abandonmentN), abandonmentN,
                ratio(s.answeredWaitSeconds(), answeredKnown), answeredKnown,
                ratio(s.answeredWaitSeconds() + s.abandonedWaitSeconds() + s.callbackWaitSeconds(), waitN),
                waitN == 0 ? null : s.maxWaitSeconds(), waitN,
                ratio(within, serviceLevelN), serviceLevelN, within,
                rule.thresholdSeconds(), rule.formula().label(), rule.formula().text(),
                rule.version(), rule.effectiveFrom().equals(Instant.MIN) ? null : rule.effectiveFrom(),
                rule.targetPercent() == null ? null : rule.targetPercent() / 100,
                ratio(s.talkSeconds() + s.holdSeconds() + s.wrapUpSeconds(), s.handledWithTimes()),
                s.handledWithTimes(), s.handled(),
                s.transfersOut(), ratio(s.transfersOut(), s.answered()), s.answered(),
                s.callbacksRequested(), s.callbacksCompleted(),
                repeats.repeats(), ratio(repeats.repeats(), repeats.contacts()), repeats.contacts());
    }

    static Double ratio(double numerator, long n) {
        return n == 0 ? null : numerator / n;
    }
}
