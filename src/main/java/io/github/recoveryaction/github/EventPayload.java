package io.github.recoveryaction.github;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.github.recoveryaction.InvalidInputException;

/**
 * The webhook payload of the event that started the workflow ({@code GITHUB_EVENT_PATH}), with typed access to
 * the fields the action reads. See
 * <a href="https://docs.github.com/en/actions/reference/workflows-and-actions/events-that-trigger-workflows">events
 * that trigger workflows</a>.
 */
public final class EventPayload {

    public static final EventPayload EMPTY = new EventPayload(MissingNode.getInstance());

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;

    private EventPayload(JsonNode root) {
        this.root = root;
    }

    /** @throws InvalidInputException when the file cannot be read or is not JSON */
    public static EventPayload read(Path file) {
        try {
            return new EventPayload(JSON.readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the event payload " + file + ": " + firstLine(e.getMessage()),
                    e);
        }
    }

    public static EventPayload parse(String json) {
        try {
            return new EventPayload(JSON.readTree(json));
        } catch (IOException e) {
            throw new InvalidInputException("the event payload is not JSON: " + firstLine(e.getMessage()), e);
        }
    }

    /** {@code pull_request.number} ({@code pull_request}, {@code pull_request_target}), else {@code number}. */
    public OptionalInt pullRequestNumber() {
        JsonNode number = root.path("pull_request").path("number");
        if (!number.isInt()) {
            number = root.path("number");
        }
        return number.isInt() ? OptionalInt.of(number.asInt()) : OptionalInt.empty();
    }

    /** {@code after} of a push: the commit pushed last. */
    public Optional<String> pushedSha() {
        return text(root.path("after"));
    }

    /** The run a {@code workflow_run} event reports on, when this is one. */
    public Optional<TriggeringRun> workflowRun() {
        JsonNode run = root.path("workflow_run");
        if (!run.isObject() || !run.path("id").canConvertToLong()) {
            return Optional.empty();
        }
        List<Integer> prs = new ArrayList<>();
        run.path("pull_requests").forEach(pr -> prs.add(pr.path("number").asInt()));
        OptionalLong attempt = run.path("run_attempt").canConvertToLong()
                ? OptionalLong.of(run.path("run_attempt").asLong())
                : OptionalLong.empty();
        return Optional.of(new TriggeringRun(run.path("id").asLong(), (int) attempt.orElse(1),
                run.path("name").asText(""), text(run.path("conclusion")), run.path("head_sha").asText(""),
                text(run.path("head_branch")), text(run.path("head_repository").path("owner").path("login")), prs));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /**
     * The {@code workflow_run} of the event.
     *
     * @param pullRequests empty for pull requests from forks: find them by head instead
     * @param headOwner owner of the repository the head branch lives in (the fork's owner)
     */
    public record TriggeringRun(long id, int attempt, String workflowName, Optional<String> conclusion,
            String headSha, Optional<String> headBranch, Optional<String> headOwner, List<Integer> pullRequests) {

        public TriggeringRun {
            pullRequests = List.copyOf(pullRequests);
        }

        /** {@code owner:branch}, the form the pulls API's {@code head} filter takes. */
        public Optional<String> headLabel() {
            return headOwner.flatMap(owner -> headBranch.map(branch -> owner + ":" + branch));
        }
    }
}
