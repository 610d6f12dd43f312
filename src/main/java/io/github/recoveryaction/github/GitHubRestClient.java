package io.github.recoveryaction.github;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Raw REST calls for what hub4j lacks or does badly (attempt jobs, streamed log downloads, commit → pull requests,
 * re-runs of failed jobs, which hub4j 1.x does not offer),
 * through {@link RetryingHttpClient}. The token goes only into the {@code Authorization} header of API requests,
 * never into messages; redirects to signed storage URLs drop it.
 */
final class GitHubRestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** GitHub's words when a run may not be re-run in its current state, as opposed to a missing permission. */
    private static final Pattern STATE_REFUSAL = Pattern.compile("(?i)already running|cannot be re|not be re|"
            + "is not (?:complete|finished)|too old");

    private final RetryingHttpClient http;
    private final URI apiUrl;
    private final String token;

    GitHubRestClient(RetryingHttpClient http, URI apiUrl, String token) {
        this.http = http;
        this.apiUrl = apiUrl;
        this.token = token;
    }

    /**
     * GETs JSON; empty on 404.
     *
     * @param what the operation for messages, e.g. "list jobs of run 42"
     * @param permission what to grant when GitHub refuses the token
     */
    Optional<JsonNode> findJson(String what, String pathAndQuery, String permission) {
        HttpResponse<InputStream> response = http.send(what, () -> request(pathAndQuery).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 404) {
                return Optional.empty();
            }
            check(what, status, permission);
            return Optional.of(JSON.readTree(body));
        } catch (IOException e) {
            throw new GitHubAccessException(what + " failed: cannot read the response: " + e.getMessage(), e);
        }
    }

    /** GETs a body as a stream; empty on 404 and 410. The caller closes the stream. */
    Optional<InputStream> findStream(String what, String pathAndQuery, String permission) {
        HttpResponse<InputStream> response = http.send(what,
                () -> request(pathAndQuery).timeout(Duration.ofMinutes(10)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        int status = response.statusCode();
        if (status == 404 || status == 410) {
            close(response.body());
            return Optional.empty();
        }
        if (status >= 300) {
            close(response.body());
        }
        check(what, status, permission);
        return Optional.of(response.body());
    }

    JsonNode patchJson(String what, String path, String json, String permission) {
        HttpResponse<String> response = http.send(what, () -> request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        check(what, response.statusCode(), permission);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new GitHubAccessException(what + " failed: cannot read the response: " + e.getMessage(), e);
        }
    }

    /**
     * POSTs JSON where only the status matters. GitHub answers 403 both for a token without the permission and for
     * a request the run's state forbids ("This workflow is already running", "… cannot be retried"); only the first
     * is a {@link GitHubPermissionException}, the second fails with GitHub's own words.
     */
    void post(String what, String path, String json, String permission) {
        HttpResponse<String> response = http.send(what, () -> request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        String message = message(response.body());
        if (status == 403 && STATE_REFUSAL.matcher(message).find()) {
            throw new GitHubAccessException(what + " was refused (HTTP 403): " + message, status);
        }
        if (status == 422 && !message.isEmpty()) {
            throw new GitHubAccessException(what + " failed (HTTP 422): " + message, status);
        }
        check(what, status, permission);
    }

    private static String message(String body) {
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            String text = node == null ? "" : node.path("message").asText("");
            return text.length() <= 200 ? text : text.substring(0, 200) + "…";
        } catch (IOException e) {
            return "";
        }
    }

    static String permissionMessage(String what, int status, String permission) {
        return what + " was refused (HTTP " + status + "): the token lacks permission; " + permission;
    }

    private static void check(String what, int status, String permission) {
        if (status == 401 || status == 403) {
            throw new GitHubPermissionException(permissionMessage(what, status, permission), status);
        }
        if (status >= 300) {
            throw new GitHubAccessException(what + " failed: HTTP " + status, status);
        }
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(apiUrl + pathAndQuery))
                .timeout(Duration.ofMinutes(2))
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "recovery-action")
                .header("Authorization", "Bearer " + token);
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the body of a refused request carries nothing we use
        }
    }
}
