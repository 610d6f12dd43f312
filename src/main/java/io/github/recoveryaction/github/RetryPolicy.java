package io.github.recoveryaction.github;

import java.time.Duration;

/**
 * How hard {@link ApiHttpClient} tries: a few attempts with jittered exponential backoff, and a bound on the total
 * time spent waiting so that a rate-limited action still ends in reasonable time.
 *
 * @param maxAttempts attempts per request, the first included
 * @param initialBackoff wait before the second attempt; doubled for each further attempt
 * @param maxBackoff cap of a single backoff
 * @param maxTotalWait the most all waits of one request may add up to, {@code Retry-After} and rate-limit resets
 *        included; a longer required wait fails the request at once
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxTotalWait) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(20),
            Duration.ofSeconds(90));

    /** Backoff before attempt {@code attempt} (2 = first retry), with up to 25% random jitter. */
    Duration backoff(int attempt, double random) {
        long base = initialBackoff.toMillis() << Math.min(attempt - 2, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        return Duration.ofMillis(capped + (long) (capped * 0.25 * random));
    }
}
