package org.evenhand.common;

import java.util.List;

/** 429: the caller has done this too often; Retry-After says when they may again. */
public class TooManyRequestsException extends ProblemException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String detail, long retryAfterSeconds) {
        super(429, "too-many-requests", "Too many requests", detail, List.of());
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
