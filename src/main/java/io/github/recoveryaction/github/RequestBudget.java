package io.github.recoveryaction.github;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A bound on the requests one long scan may send (retries included), and a reserve of the token's rate limit it
 * leaves for the rest of the workflow: once GitHub reports fewer remaining requests than the reserve, the scan stops
 * as if its budget were spent. Shared by every request of a {@link RetryingHttpClient}; thread-safe.
 */
public final class RequestBudget {

    /** Thrown before a request the budget does not allow; the caller keeps what it has. */
    public static final class ExhaustedException extends GitHubAccessException {
        ExhaustedException(String message) {
            super(message, 0);
        }
    }

    private final int limit;
    private final int reserve;
    private final Clock clock;
    private int used;
    private OptionalLong remaining = OptionalLong.empty();
    private OptionalLong reset = OptionalLong.empty();

    /**
     * @param limit requests allowed
     * @param reserve rate-limit requests left untouched for other steps
     */
    public RequestBudget(int limit, int reserve) {
        this(limit, reserve, Clock.systemUTC());
    }

    RequestBudget(int limit, int reserve, Clock clock) {
        this.limit = limit;
        this.reserve = reserve;
        this.clock = clock;
    }

    synchronized void spend(String what) {
        if (used >= limit) {
            throw new ExhaustedException(what + " skipped: the request budget of " + limit + " is used up");
        }
        boolean resetPassed = reset.isPresent() && clock.instant().getEpochSecond() >= reset.getAsLong();
        if (remaining.isPresent() && remaining.getAsLong() <= reserve && !resetPassed) {
            throw new ExhaustedException(what + " skipped: only " + remaining.getAsLong()
                    + " API requests are left until the rate limit resets" + resetText() + "; " + reserve
                    + " are kept for the rest of the workflow");
        }
        used++;
    }

    synchronized void observe(HttpHeaders headers) {
        headers.firstValue("x-ratelimit-remaining").flatMap(RequestBudget::parse).ifPresent(v -> {
            remaining = OptionalLong.of(v);
            reset = headers.firstValue("x-ratelimit-reset").flatMap(RequestBudget::parse).map(OptionalLong::of)
                    .orElse(OptionalLong.empty());
        });
    }

    public synchronized int used() {
        return used;
    }

    public int limit() {
        return limit;
    }

    /** The rate limit GitHub last reported as remaining. */
    public synchronized OptionalLong remaining() {
        return remaining;
    }

    private String resetText() {
        return reset.isPresent() ? " at " + Instant.ofEpochSecond(reset.getAsLong()) : "";
    }

    private static Optional<Long> parse(String value) {
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
