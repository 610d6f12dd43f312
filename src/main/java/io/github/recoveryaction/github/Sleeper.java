package io.github.recoveryaction.github;

import java.time.Duration;

/** Waits between retries; tests replace it to run without real delays. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = d -> {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitHubAccessException("interrupted while waiting to retry", e);
        }
    };

    void sleep(Duration duration);
}
