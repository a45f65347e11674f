package io.vocstream.producers.sim;

import io.vocstream.events.Channel;
import java.util.List;

/** The channels contacts reach the contact center on, and how each changes the work. */
final class ContactChannels {
    static final List<Channel> ALL = List.of(Channel.VOICE, Channel.CHAT, Channel.EMAIL);

    private ContactChannels() {
    }

    /** Talk time relative to voice: chats are typed and slower, e-mails are read and answered. */
    static double talkFactor(Channel channel) {
        return switch (channel) {
            case CHAT -> 1.4;
            case EMAIL -> 0.8;
            default -> 1.0;
        };
    }

    /** Customers wait for an answer (and can give up) on voice and chat; e-mails wait in a backlog. */
    static boolean live(Channel channel) {
        return channel == Channel.VOICE || channel == Channel.CHAT;
    }

    /**
     * A wait customers find long on the channel: minutes on the phone or in a chat, a day for an e-mail. Perceived
     * speed is judged in units of a thirtieth of it.
     */
    static double longWaitSeconds(Channel channel) {
        return live(channel) ? 300 : 86_400;
    }

    static DemandCurve curve(Channel channel) {
        return live(channel) ? DemandCurve.LIVE : DemandCurve.WRITTEN;
    }
}
