package io.github.recoveryaction.github;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the Actions API's JSON (runs, {@code …/attempts/{n}/jobs}, {@code …/actions/jobs/{id}}) into records. */
final class ActionsPayloads {

    private ActionsPayloads() {
    }

    static WorkflowJob job(JsonNode node) {
        List<JobStep> steps = new ArrayList<>();
        for (JsonNode step : node.path("steps")) {
            steps.add(new JobStep(step.path("number").asInt(), step.path("name").asText(""),
                    step.path("status").asText(""), text(step, "conclusion"), instant(step, "started_at"),
                    instant(step, "completed_at")));
        }
        return new WorkflowJob(node.path("id").asLong(), node.path("run_id").asLong(),
                node.path("run_attempt").asInt(1), node.path("name").asText(""), node.path("status").asText(""),
                text(node, "conclusion"), text(node, "runner_name"), node.path("html_url").asText(""),
                instant(node, "started_at"), instant(node, "completed_at"), steps);
    }

    static WorkflowRun run(JsonNode node) {
        List<Integer> prs = new ArrayList<>();
        node.path("pull_requests").forEach(pr -> prs.add(pr.path("number").asInt()));
        return new WorkflowRun(node.path("id").asLong(), node.path("run_attempt").asInt(1), node.path("name").asText(""),
                node.path("event").asText(""), node.path("status").asText(""), text(node, "conclusion"),
                node.path("head_sha").asText(""), text(node, "head_branch"), node.path("html_url").asText(""), prs,
                node.path("workflow_id").canConvertToLong() ? OptionalLong.of(node.path("workflow_id").asLong())
                        : OptionalLong.empty(),
                text(node, "path"), instant(node, "created_at"), instant(node, "run_started_at"));
    }

    /** An artifact from the REST listings ({@code …/runs/{id}/artifacts}, {@code …/actions/artifacts}). */
    static StoredArtifact artifact(JsonNode a) {
        return new StoredArtifact(a.path("id").asLong(), a.path("name").asText(""), a.path("size_in_bytes").asLong(),
                instant(a, "created_at").orElse(Instant.EPOCH), text(a, "digest"), Optional.empty());
    }

    static RunSummary runSummary(JsonNode node) {
        return new RunSummary(node.path("id").asLong(), node.path("workflow_id").asLong(), node.path("path").asText(""),
                node.path("name").asText(""), text(node, "head_branch"), node.path("head_sha").asText(""),
                node.path("event").asText(""), node.path("status").asText(""), text(node, "conclusion"),
                node.path("run_attempt").asInt(1), instant(node, "created_at").orElse(Instant.EPOCH),
                instant(node, "updated_at").or(() -> instant(node, "created_at")).orElse(Instant.EPOCH),
                node.path("html_url").asText(""));
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static Optional<Instant> instant(JsonNode node, String field) {
        try {
            return text(node, field).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
