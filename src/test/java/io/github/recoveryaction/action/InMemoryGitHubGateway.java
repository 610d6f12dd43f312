package io.github.recoveryaction.action;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.recoveryaction.github.GitHubGateway;
import io.github.recoveryaction.github.IssueComment;
import io.github.recoveryaction.github.RunFilter;
import io.github.recoveryaction.github.RunPage;
import io.github.recoveryaction.github.StoredArtifact;
import io.github.recoveryaction.github.WorkflowJob;
import io.github.recoveryaction.github.WorkflowRun;

/** A gateway holding comments and pull-request lookups in memory, recording the calls it gets. */
final class InMemoryGitHubGateway implements GitHubGateway {

    final List<String> calls = new ArrayList<>();
    final Map<Integer, List<IssueComment>> comments = new HashMap<>();
    final Map<String, List<Integer>> commitPulls = new HashMap<>();
    final Map<String, Integer> openPullsByHead = new HashMap<>();
    private long nextId = 100;

    @Override
    public Optional<WorkflowRun> findRun(long runId) {
        calls.add("findRun " + runId);
        return Optional.empty();
    }

    @Override
    public List<WorkflowJob> listJobs(long runId, int attempt) {
        calls.add("listJobs " + runId + " " + attempt);
        return List.of();
    }

    @Override
    public Optional<WorkflowJob> findJob(long jobId) {
        calls.add("findJob " + jobId);
        return Optional.empty();
    }

    @Override
    public Optional<Path> downloadJobLog(long jobId, Path target, long maxBytes) {
        calls.add("downloadJobLog " + jobId);
        return Optional.empty();
    }

    @Override
    public List<Integer> listPullRequestsForCommit(String sha) {
        calls.add("listPullRequestsForCommit " + sha);
        return commitPulls.getOrDefault(sha, List.of());
    }

    @Override
    public Optional<Integer> findOpenPullRequest(String headSha, Optional<String> headLabel) {
        calls.add("findOpenPullRequest " + headSha + " " + headLabel.orElse("-"));
        return Optional.ofNullable(openPullsByHead.get(headSha + " " + headLabel.orElse("-")));
    }

    @Override
    public List<IssueComment> listIssueComments(int number) {
        calls.add("listIssueComments " + number);
        return List.copyOf(comments.getOrDefault(number, List.of()));
    }

    @Override
    public IssueComment createIssueComment(int number, String body) {
        calls.add("createIssueComment " + number);
        IssueComment c = new IssueComment(nextId++, body, "github-actions[bot]", "https://github.com/c/" + nextId);
        comments.computeIfAbsent(number, k -> new ArrayList<>()).add(c);
        return c;
    }

    @Override
    public IssueComment updateIssueComment(long commentId, String body) {
        calls.add("updateIssueComment " + commentId);
        for (List<IssueComment> list : comments.values()) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).id() == commentId) {
                    IssueComment updated = new IssueComment(commentId, body, list.get(i).author(), list.get(i).htmlUrl());
                    list.set(i, updated);
                    return updated;
                }
            }
        }
        throw new IllegalStateException("no comment " + commentId);
    }

    @Override
    public Optional<WorkflowRun> findRunAttempt(long runId, int attempt) {
        calls.add("findRunAttempt " + runId + " " + attempt);
        return Optional.empty();
    }

    @Override
    public RunPage listRuns(RunFilter filter, int page, int perPage) {
        calls.add("listRuns " + page);
        return new RunPage(List.of(), 0);
    }

    @Override
    public void rerunFailedJobs(long runId) {
        calls.add("rerunFailedJobs " + runId);
    }

    @Override
    public List<StoredArtifact> listRunArtifacts(long runId) {
        calls.add("listRunArtifacts " + runId);
        return List.of();
    }

    @Override
    public List<StoredArtifact> listArtifactsNamed(String name, int count) {
        calls.add("listArtifactsNamed " + name);
        return List.of();
    }

    @Override
    public Optional<InputStream> openArtifact(long artifactId) {
        calls.add("openArtifact " + artifactId);
        return Optional.empty();
    }

    @Override
    public List<WorkflowJob> listJobsOfAllAttempts(long runId) {
        calls.add("listJobsOfAllAttempts " + runId);
        return List.of();
    }

    @Override
    public String defaultBranch() {
        calls.add("defaultBranch");
        return "main";
    }
}
