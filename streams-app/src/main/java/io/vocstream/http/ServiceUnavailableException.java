package io.vocstream.http;

/** The answer cannot be given right now (state is restoring or rebalancing); answered with 503 and Retry-After. */
public final class ServiceUnavailableException extends RuntimeException {
    private final int retryAfterSeconds;

    public ServiceUnavailableException(String detail, int retryAfterSeconds) {
        super(detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
