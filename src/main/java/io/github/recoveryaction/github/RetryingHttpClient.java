package io.github.recoveryaction.github;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The HTTP transport for everything hub4j does not cover (artifact service, blob store, raw REST calls): retries
 * 5xx, 429 and network errors with jittered backoff, honours {@code Retry-After} and GitHub's rate-limit headers
 * within {@link RetryPolicy#maxTotalWait()}, and follows redirects itself so that the {@code Authorization}
 * header never travels to the signed storage URL GitHub redirects to.
 * <p>
 * Responses that are not retried (2xx, 3xx without location, 4xx) are returned for the caller to interpret.
 */
public final class RetryingHttpClient {

    private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);
    private static final int MAX_REDIRECTS = 5;

    private final HttpClient http;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Consumer<String> retryLog;
    private final Optional<RequestBudget> budget;

    public RetryingHttpClient(HttpClient http, RetryPolicy policy, Sleeper sleeper, Clock clock,
            Consumer<String> retryLog) {
        this(http, policy, sleeper, clock, retryLog, Optional.empty());
    }

    private RetryingHttpClient(HttpClient http, RetryPolicy policy, Sleeper sleeper, Clock clock,
            Consumer<String> retryLog, Optional<RequestBudget> budget) {
        this.http = http;
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.retryLog = retryLog;
        this.budget = budget;
    }

    /**
     * The same client, with every attempt counted against {@code budget}: once it is spent, requests fail at once
     * with {@link RequestBudget.ExhaustedException}.
     */
    public RetryingHttpClient withBudget(RequestBudget budget) {
        return new RetryingHttpClient(http, policy, sleeper, clock, retryLog, Optional.of(budget));
    }

    public static RetryingHttpClient create(Consumer<String> retryLog) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new RetryingHttpClient(http, RetryPolicy.DEFAULT, Sleeper.REAL, Clock.systemUTC(), retryLog);
    }

    /**
     * Sends a request built afresh for every attempt.
     *
     * @param what a short description for messages, e.g. "download job log 123"; never include a token
     * @throws GitHubAccessException when every attempt failed or the required wait exceeds the policy
     */
    public <T> HttpResponse<T> send(String what, Supplier<HttpRequest> request, BodyHandler<T> handler) {
        Duration waited = Duration.ZERO;
        for (int attempt = 1;; attempt++) {
            Optional<Duration> wait;
            String failure;
            budget.ifPresent(b -> b.spend(what));
            try {
                HttpResponse<T> response = followRedirects(what, request.get(), handler);
                budget.ifPresent(b -> b.observe(response.headers()));
                if (!retryable(response)) {
                    return response;
                }
                failure = "HTTP " + response.statusCode();
                wait = requiredWait(response);
                if (attempt >= policy.maxAttempts()) {
                    throw new GitHubAccessException(what + " failed: " + failure + " after " + attempt + " attempts"
                            + rateLimitHint(response), response.statusCode());
                }
            } catch (IOException e) {
                failure = describe(e);
                wait = Optional.empty();
                if (attempt >= policy.maxAttempts()) {
                    throw new GitHubAccessException(what + " failed: " + failure + " after " + attempt + " attempts", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GitHubAccessException(what + " was interrupted", e);
            }
            Duration pause = wait.orElse(policy.backoff(attempt + 1, ThreadLocalRandom.current().nextDouble()));
            if (waited.plus(pause).compareTo(policy.maxTotalWait()) > 0) {
                throw new GitHubAccessException(what + " failed: " + failure + "; retrying would need to wait "
                        + pause.toSeconds() + "s, more than the limit of " + policy.maxTotalWait().toSeconds() + "s", 0);
            }
            retryLog.accept(what + ": " + failure + ", retrying in " + pause.toMillis() + " ms (attempt " + (attempt + 1)
                    + " of " + policy.maxAttempts() + ")");
            sleeper.sleep(pause);
            waited = waited.plus(pause);
        }
    }

    private <T> HttpResponse<T> followRedirects(String what, HttpRequest first, BodyHandler<T> handler)
            throws IOException, InterruptedException {
        HttpRequest current = first;
        for (int hop = 0;; hop++) {
            HttpResponse<T> response = http.send(current, handler);
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("location");
            if (status < 300 || status >= 400 || status == 304 || location.isEmpty()) {
                return response;
            }
            if (hop >= MAX_REDIRECTS) {
                throw new GitHubAccessException(what + " failed: more than " + MAX_REDIRECTS + " redirects", status);
            }
            discard(response);
            // GitHub redirects downloads to signed storage URLs that reject (or would leak) our token.
            current = HttpRequest.newBuilder(current.uri().resolve(URI.create(location.get())))
                    .timeout(current.timeout().orElse(Duration.ofMinutes(5)))
                    .GET()
                    .build();
        }
    }

    private static void discard(HttpResponse<?> response) {
        if (response.body() instanceof InputStream in) {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing to recover: the body of a redirect is not used
            }
        }
    }

    private static boolean retryable(HttpResponse<?> response) {
        int status = response.statusCode();
        if (RETRYABLE.contains(status)) {
            return true;
        }
        return status == 403 && (response.headers().firstValue("retry-after").isPresent()
                || response.headers().firstValue("x-ratelimit-remaining").filter("0"::equals).isPresent());
    }

    private Optional<Duration> requiredWait(HttpResponse<?> response) {
        Optional<String> retryAfter = response.headers().firstValue("retry-after");
        if (retryAfter.isPresent()) {
            return parseRetryAfter(retryAfter.get().trim());
        }
        if (response.headers().firstValue("x-ratelimit-remaining").filter("0"::equals).isPresent()) {
            return response.headers().firstValue("x-ratelimit-reset").flatMap(RetryingHttpClient::parseLong)
                    .map(reset -> Duration.between(clock.instant(), Instant.ofEpochSecond(reset)).plusSeconds(1))
                    .map(d -> d.isNegative() ? Duration.ofSeconds(1) : d);
        }
        return Optional.empty();
    }

    private Optional<Duration> parseRetryAfter(String value) {
        Optional<Long> seconds = parseLong(value);
        if (seconds.isPresent()) {
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds.get())));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(clock.instant(), at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String rateLimitHint(HttpResponse<?> response) {
        return response.headers().firstValue("x-ratelimit-remaining").filter("0"::equals)
                .map(r -> " (API rate limit exhausted; it resets at epoch second "
                        + response.headers().firstValue("x-ratelimit-reset").orElse("?") + ")")
                .orElse("");
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
