package io.vocstream.producers.sim;

import io.vocstream.events.Channel;
import java.util.List;

/**
 * What a contact-center queue handles and how long it takes.
 *
 * @param demandShare       share of all customer contacts that are about this queue's subject
 * @param channels          how those contacts arrive
 * @param handling          average handling times of a voice contact
 * @param resolution        chance that an answered contact is resolved at first contact (by an average agent)
 * @param transferShare     chance that the agent transfers the contact to one of {@code transferTargets}
 * @param menu              the IVR branch voice callers take
 * @param repairNeed        what kind of work order a resolved contact can lead to, and how often
 * @param complaintCategory complaint category of disputes about this queue's subject
 * @param disputeShare      share of contacts that dispute something (a bill, a charge, an outage)
 * @param sharedWith        a second queue this queue's agents also serve (null: none)
 */
record QueueProfile(String name, double demandShare, ChannelMix channels, HandlingTimes handling, double resolution,
                    double transferShare, List<String> transferTargets, IvrBranch menu, RepairNeed repairNeed,
                    String complaintCategory, double disputeShare, String sharedWith) {

    /** Shares of voice, chat and e-mail among a queue's contacts. */
    record ChannelMix(double voice, double chat, double email) {
        double share(Channel channel) {
            return switch (channel) {
                case VOICE -> voice;
                case CHAT -> chat;
                case EMAIL -> email;
                default -> 0;
            };
        }
    }

    /** Mean talk, hold (when there is hold; {@code holdShare} of voice contacts) and wrap-up seconds. */
    record HandlingTimes(double talkSeconds, double holdShare, double holdSeconds, double wrapUpSeconds) {
        /** Mean handling time of a contact on {@code channel}, for staffing. */
        double meanSeconds(Channel channel) {
            return talkSeconds * ContactChannels.talkFactor(channel)
                    + (channel == Channel.VOICE ? holdShare * holdSeconds : 0) + wrapUpSeconds;
        }
    }

    /**
     * The IVR branch of the queue: {@code main/<node>}, where {@code selfServiceShare} of callers finish in
     * self-service at {@code main/<node>/<selfServiceLeaf>}.
     */
    record IvrBranch(String node, double selfServiceShare, String selfServiceLeaf) {
    }

    /** The work order a resolved contact may lead to. */
    record RepairNeed(RepairKind kind, double share) {
        static final RepairNeed NONE = new RepairNeed(RepairKind.NONE, 0);
    }
}
