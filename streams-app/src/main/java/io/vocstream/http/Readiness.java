package io.vocstream.http;

import java.util.Optional;

/** Whether this instance can answer queries now; empty when ready, else the reason. */
@FunctionalInterface
public interface Readiness {
    Optional<String> notReadyReason();
}
