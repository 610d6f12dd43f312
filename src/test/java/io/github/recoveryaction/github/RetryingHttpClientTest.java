package io.github.recoveryaction.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.recoveryaction.github.fake.FakeHttpServer;
import io.github.recoveryaction.github.fake.FakeHttpServer.Response;

class RetryingHttpClientTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final FakeHttpServer server = new FakeHttpServer();
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final RetryingHttpClient client = new RetryingHttpClient(
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(),
            RetryPolicy.DEFAULT, sleeps::add, Clock.fixed(NOW, ZoneOffset.UTC), log::add);

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) {
        return client.send("get " + path, () -> HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Authorization", "Bearer secret-token").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void retriesServerErrorsThenReturnsTheSuccess() {
        server.route("GET", "/thing", (r, g) -> Response.json(200, "{\"ok\":true}"));
        server.failNext("GET", "/thing", 1, 500, Map.of()).failNext("GET", "/thing", 1, 502, Map.of());

        HttpResponse<String> response = get("/thing");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(server.requests()).hasSize(3);
        assertThat(sleeps).hasSize(2);
        assertThat(log).allSatisfy(line -> assertThat(line).contains("retrying").doesNotContain("secret-token"));
    }

    @Test
    void retriesADroppedConnection() {
        server.route("GET", "/thing", (r, g) -> Response.json(200, "{}"));
        server.failNext("GET", "/thing", 1, 0, Map.of());

        assertThat(get("/thing").statusCode()).isEqualTo(200);
    }

    @Test
    void givesUpAfterTheLastAttemptWithAMessageNamingTheOperation() {
        server.failNext("GET", "/thing", 10, 503, Map.of());

        assertThatThrownBy(() -> get("/thing"))
                .isInstanceOf(GitHubAccessException.class)
                .hasMessage("get /thing failed: HTTP 503 after 4 attempts");
        assertThat(server.requests()).hasSize(4);
    }

    @Test
    void returnsClientErrorsWithoutRetrying() {
        assertThat(get("/missing").statusCode()).isEqualTo(404);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void waitsForTheRateLimitResetWhenTheBudgetAllows() {
        server.route("GET", "/thing", (r, g) -> Response.json(200, "{}"));
        server.failNext("GET", "/thing", 1, 403, Map.of("x-ratelimit-remaining", "0",
                "x-ratelimit-reset", String.valueOf(NOW.getEpochSecond() + 30)));

        assertThat(get("/thing").statusCode()).isEqualTo(200);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(31));
    }

    @Test
    void honoursRetryAfterSeconds() {
        server.route("GET", "/thing", (r, g) -> Response.json(200, "{}"));
        server.failNext("GET", "/thing", 1, 429, Map.of("Retry-After", "7"));

        assertThat(get("/thing").statusCode()).isEqualTo(200);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void failsAtOnceWhenTheRateLimitResetsTooLate() {
        server.failNext("GET", "/thing", 1, 403, Map.of("x-ratelimit-remaining", "0",
                "x-ratelimit-reset", String.valueOf(NOW.getEpochSecond() + 3600)));

        assertThatThrownBy(() -> get("/thing"))
                .isInstanceOf(GitHubAccessException.class)
                .hasMessageContaining("HTTP 403").hasMessageContaining("more than the limit");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void followsRedirectsWithoutTheAuthorizationHeader() {
        server.route("GET", "/logs", (r, g) -> Response.redirect(server.url("/signed/blob?sig=abc")));
        server.route("GET", "/signed/blob", (r, g) -> Response.text(200, "log text"));

        HttpResponse<String> response = get("/logs");

        assertThat(response.body()).isEqualTo("log text");
        assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer secret-token");
        assertThat(server.requests().get(1).header("Authorization")).isNull();
        assertThat(server.requests().get(1).query()).isEqualTo("sig=abc");
    }
}
