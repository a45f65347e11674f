package io.vocstream.producers.sim;

/** The waiting lines of a queue. Callers on the line are served before callbacks, callbacks before e-mails. */
enum WaitingLine {
    VOICE, CHAT, CALLBACK, EMAIL
}
