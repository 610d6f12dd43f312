package io.github.recoveryaction.rerun;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The workflow the action runs in, which it must never re-run (a re-run would trigger it again: a loop).
 *
 * @param runId {@code GITHUB_RUN_ID}
 * @param workflowPath the file part of {@code GITHUB_WORKFLOW_REF}, e.g. {@code .github/workflows/recovery.yml}
 * @param workflowName {@code GITHUB_WORKFLOW}, compared only when the path is unknown
 */
public record OwnWorkflow(OptionalLong runId, Optional<String> workflowPath, Optional<String> workflowName) {

    /**
     * From {@code GITHUB_WORKFLOW_REF} ({@code owner/repo/.github/workflows/recovery.yml@refs/heads/main}): the path
     * after the repository and before the ref.
     */
    public static Optional<String> pathOf(String workflowRef, String repository) {
        String path = workflowRef.startsWith(repository + "/") ? workflowRef.substring(repository.length() + 1)
                : workflowRef;
        int at = path.indexOf('@');
        path = at < 0 ? path : path.substring(0, at);
        return path.isBlank() ? Optional.empty() : Optional.of(path);
    }

    /** Whether {@code run} is this workflow, judged by run id, then workflow file, else by name. */
    public boolean isSameAs(ReviewedRun run) {
        if (runId.isPresent() && runId.getAsLong() == run.id()) {
            return true;
        }
        if (workflowPath.isPresent() && run.workflowPath().isPresent()) {
            return workflowPath.get().equals(run.workflowPath().get());
        }
        return workflowName.filter(name -> name.equals(run.workflowName())).isPresent();
    }
}
