package io.vocstream.producers.sim;

import io.vocstream.events.Channel;
import io.vocstream.events.IndicatorScore;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Turns an experience into survey answers by the individual model of DOMAIN.md section 1: per indicator the customer
 * perceives a level from what happened (the wait, the fix, the lateness) and expects a level from who they are
 * (tier, segment, urban or rural, channel); satisfaction is {@code S = sum_i w_i * perceived_i / expected_i}. CSAT and
 * NPS follow S, with large accounts' named managers and recent grievances weighing on loyalty; effort (CES) follows
 * the hoops the customer went through.
 */
final class SatisfactionScoring {
    private static final int SCALE_MAX = 5;

    private SatisfactionScoring() {
    }

    /** The answers of one respondent. */
    record Answers(int csat, int nps, int ces, List<IndicatorScore> indicators, String comment) {
    }

    private record Perception(String indicator, double perceived, double weight) {
    }

    static Answers answer(Experience experience, Customer customer, Channel channel, double recentGrievances,
                          RandomGenerator random) {
        List<Perception> perceptions = perceive(experience);
        double[] weights = new double[perceptions.size()];
        double weightSum = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = perceptions.get(i).weight * emphasis(customer, perceptions.get(i).indicator);
            weightSum += weights[i];
        }
        List<IndicatorScore> indicators = new ArrayList<>(perceptions.size());
        double satisfaction = 0;
        String worst = null;
        double worstRatio = Double.MAX_VALUE;
        for (int i = 0; i < weights.length; i++) {
            Perception perception = perceptions.get(i);
            double weight = weights[i] / weightSum;
            double perceived = level(perception.perceived + 0.35 * random.nextGaussian());
            double expected = level(expected(customer, channel, perception.indicator) + 0.25 * random.nextGaussian());
            double ratio = perceived / expected;
            satisfaction += weight * ratio;
            if (ratio < worstRatio) {
                worstRatio = ratio;
                worst = perception.indicator;
            }
            indicators.add(IndicatorScore.newBuilder()
                    .setIndicator(perception.indicator)
                    .setExpected(expected)
                    .setPerceived(perceived)
                    .setWeight(Math.round(weight * 1000) / 1000.0)
                    .setScaleMax(SCALE_MAX)
                    .build());
        }
        if (customer.segment().business() && customer.tier().compareTo(Tier.GOLD) >= 0) {
            satisfaction += 0.08; // large accounts are looked after by named managers
        }
        int csat = clamp(Math.round(4.0 + 4.5 * (satisfaction - 1) + 0.55 * random.nextGaussian()), 1, 5);
        double loyalty = switch (customer.tier()) {
            case VIP -> 0.6;
            case GOLD -> 0.3;
            default -> 0;
        } + (customer.segment() == Segment.INDUSTRIAL ? 0.4 : 0);
        int nps = clamp(Math.round(7.2 + 8 * (satisfaction - 1) + loyalty - 0.6 * recentGrievances
                + 1.3 * random.nextGaussian()), 0, 10);
        int ces = clamp(Math.round(2.0 + effort(experience) + 0.8 * random.nextGaussian()), 1, 7);
        String comment = comment(csat, worst, random);
        return new Answers(csat, nps, ces, indicators, comment);
    }

    private static List<Perception> perceive(Experience experience) {
        if (experience instanceof Experience.ContactVisit visit) {
            double speed = visit.callback()
                    ? speedLevel(visit.waitSeconds() + visit.callbackDelaySeconds() / 4, visit.channel()) + 0.3
                    : speedLevel(visit.waitSeconds(), visit.channel());
            if (visit.abandoned()) {
                return List.of(new Perception("speed", speed - 0.5, 0.6), new Perception("resolution", 1.3, 0.4));
            }
            double resolution = (visit.resolved() ? 4.6 : 2.0) - 0.4 * visit.transfers()
                    - (visit.repeatContact() ? 0.3 : 0);
            return List.of(new Perception("speed", speed, 0.35), new Perception("resolution", resolution, 0.40),
                    new Perception("courtesy", visit.agentCourtesy(), 0.25));
        }
        if (experience instanceof Experience.SelfService self) {
            return List.of(new Perception("ease", 4.6 - 0.7 * self.ivrFailures(), 0.6),
                    new Perception("speed", 4.5, 0.4));
        }
        if (experience instanceof Experience.Repair repair) {
            double fix = switch (repair.completionCode()) {
                case "replaced" -> 4.7;
                case "temporary_fix" -> 3.2;
                case "no_fault_found" -> 2.6;
                case "customer_owned_asset" -> 2.4;
                case "restored", "connected" -> 4.4;
                default -> 4.5;
            } - (repair.reopened() ? 1.6 : 0) - (repair.visits() > 1 ? 0.5 : 0);
            double punctuality = 4.7 - 1.2 * Math.log1p(repair.lateMinutes() / 30);
            double communication = 4.0 - (repair.lateMinutes() > 0 ? 0.8 : 0);
            return List.of(new Perception("punctuality", punctuality, 0.35), new Perception("fix_quality", fix, 0.45),
                    new Perception("communication", communication, 0.20));
        }
        if (experience instanceof Experience.ComplaintHandling handling) {
            double response = handling.firstResponseLate() ? 2.2 : 4.0;
            double outcome = (handling.upheld() ? 4.2 : 2.6) - (handling.escalated() ? 0.7 : 0)
                    - (handling.appealed() ? 1.2 : 0) - (handling.reopened() ? 0.8 : 0);
            double pace = 4.8 - 0.8 * Math.log1p(handling.daysToResolve());
            return List.of(new Perception("response_time", response, 0.25), new Perception("outcome", outcome, 0.5),
                    new Perception("resolution_time", pace, 0.25));
        }
        Experience.Outage outage = (Experience.Outage) experience;
        return List.of(new Perception("restoration_time", 4.8 - 1.1 * Math.log1p(outage.hours()), 0.6),
                new Perception("information", outage.repeated() ? 3.0 : 3.6, 0.4));
    }

    /**
     * Perceived speed from a wait: on the phone, immediate is 5, a minute about 3.6, five minutes about 2.4, twenty
     * about 1.2; e-mail answers are judged in hours rather than seconds.
     */
    private static double speedLevel(double waitSeconds, Channel channel) {
        return 5.3 - 0.85 * Math.log1p(waitSeconds / (ContactChannels.longWaitSeconds(channel) / 30));
    }

    /** Expected level: higher tiers, businesses and city customers expect more; e-mail writers expect to wait. */
    private static double expected(Customer customer, Channel channel, String indicator) {
        double base = switch (indicator) {
            case "resolution", "fix_quality" -> 4.2;
            case "courtesy", "punctuality", "outcome" -> 4.0;
            case "speed" -> channel == Channel.CHAT ? 3.7 : 3.9;
            default -> 3.7;
        };
        double tier = switch (customer.tier()) {
            case STANDARD -> 0;
            case SILVER -> 0.1;
            case GOLD -> 0.3;
            case VIP -> 0.5;
        };
        double segment = switch (customer.segment()) {
            case RESIDENTIAL -> 0;
            case COMMERCIAL -> 0.2;
            case INDUSTRIAL -> 0.35;
        };
        return base + tier + segment + (customer.region().urban() ? 0.25 : 0);
    }

    /** Businesses weigh time; decision makers weigh the outcome, users the ease and speed. */
    private static double emphasis(Customer customer, String indicator) {
        boolean timely = indicator.equals("speed") || indicator.equals("punctuality")
                || indicator.equals("restoration_time") || indicator.equals("response_time");
        boolean outcome = indicator.equals("resolution") || indicator.equals("fix_quality")
                || indicator.equals("outcome");
        double factor = customer.segment().business() && timely ? 1.3 : 1;
        if ("decision_maker".equals(customer.role()) && outcome) {
            factor *= 1.3;
        } else if ("user".equals(customer.role()) && (timely || indicator.equals("ease"))) {
            factor *= 1.2;
        }
        return factor;
    }

    private static double effort(Experience experience) {
        if (experience instanceof Experience.ContactVisit visit) {
            boolean longWait = visit.waitSeconds() > ContactChannels.longWaitSeconds(visit.channel());
            return 0.5 * visit.transfers() + (longWait ? 1.0 : 0) + 0.3 * visit.ivrFailures()
                    + (visit.repeatContact() ? 1.2 : 0) + (visit.resolved() ? 0 : 1.5)
                    + (visit.abandoned() ? 1.5 : 0);
        }
        if (experience instanceof Experience.SelfService self) {
            return 0.4 * self.ivrFailures();
        }
        if (experience instanceof Experience.Repair repair) {
            return (repair.reopened() ? 1.5 : 0) + (repair.lateMinutes() > 0 ? 0.8 : 0);
        }
        if (experience instanceof Experience.ComplaintHandling handling) {
            return (handling.escalated() ? 1.0 : 0) + (handling.appealed() ? 1.5 : 0)
                    + (handling.reopened() ? 1.0 : 0) + (handling.firstResponseLate() ? 0.7 : 0);
        }
        return ((Experience.Outage) experience).hours() > 3 ? 1.0 : 0.3;
    }

    private static String comment(int csat, String worstIndicator, RandomGenerator random) {
        if (csat <= 2 && random.nextDouble() < 0.4) {
            return switch (worstIndicator) {
                case "speed" -> "Waited far too long to get through.";
                case "resolution" -> "My problem is still not solved.";
                case "courtesy" -> "The agent was not helpful.";
                case "punctuality" -> "The technician came late and nobody told me.";
                case "fix_quality" -> "The fault came back.";
                case "restoration_time" -> "Power was off for hours.";
                case "information" -> "No updates on when the power would be back.";
                case "outcome", "response_time", "resolution_time" -> "My complaint was not taken seriously.";
                default -> "Too much effort.";
            };
        }
        if (csat == 5 && random.nextDouble() < 0.15) {
            return "Quick and friendly, thank you.";
        }
        return null;
    }

    private static double level(double value) {
        return Math.max(1, Math.min(SCALE_MAX, Math.round(value)));
    }

    private static int clamp(long value, int min, int max) {
        return (int) Math.max(min, Math.min(max, value));
    }
}
