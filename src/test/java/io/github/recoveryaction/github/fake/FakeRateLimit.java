package io.github.recoveryaction.github.fake;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.recoveryaction.github.fake.FakeHttpServer.Response;

/** GitHub's rate-limit headers on the listings that count against it, for {@link FakeGitHubApi}. */
final class FakeRateLimit {

    private final AtomicInteger used = new AtomicInteger();

    int used() {
        return used.get();
    }

    /** {@code response} with the {@code x-ratelimit-*} headers, counting it as one more request. */
    Response counted(Response response) {
        Map<String, String> headers = new HashMap<>(response.headers());
        headers.put("x-ratelimit-limit", "5000");
        headers.put("x-ratelimit-remaining", String.valueOf(5000 - used.incrementAndGet()));
        headers.put("x-ratelimit-reset", String.valueOf(Instant.now().plusSeconds(3600).getEpochSecond()));
        return new Response(response.status(), headers, response.body());
    }
}
