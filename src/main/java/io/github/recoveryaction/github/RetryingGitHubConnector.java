package io.github.recoveryaction.github;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Sends hub4j's requests through {@link RetryingHttpClient}, so that hub4j calls and raw calls share one retry and
 * rate-limit policy with one bound on the total wait. hub4j's own rate-limit and abuse handlers are set to fail
 * (see {@link Hub4jGitHubGateway}): by the time a response reaches them, the policy has already waited what it may.
 */
final class RetryingGitHubConnector implements GitHubConnector {

    /** Headers java.net.http sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "host", "expect", "upgrade");

    private final RetryingHttpClient http;

    RetryingGitHubConnector(RetryingHttpClient http) {
        this.http = http;
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        byte[] body = request.hasBody() && request.body() != null ? request.body().readAllBytes() : new byte[0];
        String what = request.method() + " " + request.url().getPath();
        HttpResponse<InputStream> response = http.send(what, () -> build(request, body),
                HttpResponse.BodyHandlers.ofInputStream());
        return new Response(request, response);
    }

    private static HttpRequest build(GitHubConnectorRequest request, byte[] body) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(request.url().toURI()).timeout(Duration.ofMinutes(2));
        } catch (URISyntaxException e) {
            throw new GitHubAccessException("invalid GitHub API URL " + request.url(), e);
        }
        for (Map.Entry<String, List<String>> header : request.allHeaders().entrySet()) {
            if (header.getKey() != null && !RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        boolean sendsBody = body.length > 0 || Set.of("POST", "PATCH", "PUT").contains(request.method());
        if (sendsBody && request.contentType() != null && request.header("Content-Type") == null) {
            builder.header("Content-Type", request.contentType());
        }
        return builder.method(request.method(),
                sendsBody ? HttpRequest.BodyPublishers.ofByteArray(body) : HttpRequest.BodyPublishers.noBody()).build();
    }

    private static final class Response extends GitHubConnectorResponse {

        private final HttpResponse<InputStream> response;
        private InputStream body;

        Response(GitHubConnectorRequest request, HttpResponse<InputStream> response) {
            super(request, response.statusCode(), response.headers().map());
            this.response = response;
        }

        @Override
        public InputStream bodyStream() throws IOException {
            if (body == null) {
                body = wrapStream(response.body());
            }
            return body;
        }

        @Override
        public void close() throws IOException {
            response.body().close();
        }
    }
}
