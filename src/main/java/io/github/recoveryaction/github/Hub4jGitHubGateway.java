package io.github.recoveryaction.github;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.kohsuke.github.GHException;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.HttpException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@link GitHubGateway} on hub4j for pull requests and comments, and on raw REST calls for the Actions endpoints
 * (hub4j lacks attempt jobs, and its run object fetches every listed pull request), streamed job logs and commit →
 * pull-request lookups. Both go through one {@link RetryingHttpClient}, so one retry and
 * rate-limit policy applies to every request.
 */
public final class Hub4jGitHubGateway implements GitHubGateway {

    static final String ACTIONS_READ = "grant the workflow 'permissions: actions: read'";
    static final String COMMENT_WRITE = "grant 'permissions: pull-requests: write'; a pull request from a fork only "
            + "gets a read-only token, so comment from a workflow_run workflow instead (see docs/action.md)";
    static final String ACTIONS_WRITE = "grant the workflow 'permissions: actions: write' (re-running jobs needs it)";
    static final String CONTENTS_READ = "grant 'permissions: contents: read' and 'pull-requests: read'";

    private final GitHub github;
    private final GitHubRestClient rest;
    private final String repositoryName;
    private final Map<Long, GHIssueComment> listedComments = new HashMap<>();
    private final Map<Integer, GHIssue> issues = new HashMap<>();
    private GHRepository repository;

    private Hub4jGitHubGateway(GitHub github, GitHubRestClient rest, String repositoryName) {
        this.github = github;
        this.rest = rest;
        this.repositoryName = repositoryName;
    }

    /**
     * Connects to the API at {@code GITHUB_API_URL} (GitHub Enterprise Server included) for {@code repository}.
     *
     * @param retryLog receives one line per retry, for the step's debug log
     */
    public static Hub4jGitHubGateway connect(RunnerEnvironment env, String repository, String token,
            RetryingHttpClient http) {
        try {
            GitHub github = new GitHubBuilder()
                    .withEndpoint(env.apiUrl().toString())
                    .withAppInstallationToken(token)
                    .withConnector(new RetryingGitHubConnector(http))
                    .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                    .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
                    .build();
            return new Hub4jGitHubGateway(github, new GitHubRestClient(http, env.apiUrl(), token), repository);
        } catch (IOException e) {
            throw new GitHubAccessException("cannot set up the GitHub API client for " + env.apiUrl() + ": "
                    + e.getMessage(), e);
        }
    }

    public static RetryingHttpClient defaultHttpClient(Consumer<String> retryLog) {
        return RetryingHttpClient.create(retryLog);
    }

    @Override
    public Optional<WorkflowRun> findRun(long runId) {
        return rest.findJson("get workflow run " + runId, repoPath() + "/actions/runs/" + runId, ACTIONS_READ)
                .map(ActionsPayloads::run);
    }

    @Override
    public List<WorkflowJob> listJobs(long runId, int attempt) {
        return jobs("list jobs of run " + runId + " attempt " + attempt,
                repoPath() + "/actions/runs/" + runId + "/attempts/" + attempt + "/jobs?per_page=100&page=");
    }

    /** Up to ten pages of 100 jobs; {@code pagePath} ends where the page number goes. */
    private List<WorkflowJob> jobs(String what, String pagePath) {
        List<WorkflowJob> jobs = new ArrayList<>();
        for (int page = 1; page <= 10; page++) {
            JsonNode body = rest.findJson(what, pagePath + page, ACTIONS_READ).orElse(null);
            if (body == null) {
                return jobs;
            }
            body.path("jobs").forEach(job -> jobs.add(ActionsPayloads.job(job)));
            if (body.path("jobs").size() < 100 || jobs.size() >= body.path("total_count").asInt()) {
                return jobs;
            }
        }
        return jobs;
    }

    @Override
    public Optional<WorkflowJob> findJob(long jobId) {
        return rest.findJson("get job " + jobId, repoPath() + "/actions/jobs/" + jobId, ACTIONS_READ)
                .map(ActionsPayloads::job);
    }

    @Override
    public Optional<Path> downloadJobLog(long jobId, Path target, long maxBytes) {
        String what = "download the log of job " + jobId;
        Optional<InputStream> stream = rest.findStream(what, repoPath() + "/actions/jobs/" + jobId + "/logs",
                ACTIONS_READ);
        if (stream.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = stream.get(); OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new GitHubAccessException(what + " failed while writing " + target + ": " + e.getMessage(), e);
        }
        LogTail.keep(target, maxBytes);
        return Optional.of(target);
    }

    @Override
    public Optional<WorkflowRun> findRunAttempt(long runId, int attempt) {
        return rest.findJson("get attempt " + attempt + " of run " + runId,
                repoPath() + "/actions/runs/" + runId + "/attempts/" + attempt, ACTIONS_READ).map(ActionsPayloads::run);
    }

    @Override
    public void rerunFailedJobs(long runId) {
        rest.post("re-run the failed jobs of run " + runId, repoPath() + "/actions/runs/" + runId
                + "/rerun-failed-jobs", "{}", ACTIONS_WRITE);
    }

    @Override
    public List<StoredArtifact> listRunArtifacts(long runId) {
        return artifacts("list the artifacts of run " + runId, repoPath() + "/actions/runs/" + runId
                + "/artifacts?per_page=100");
    }

    @Override
    public List<StoredArtifact> listArtifactsNamed(String name, int count) {
        return artifacts("list the artifacts named " + name, repoPath() + "/actions/artifacts?name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&per_page=" + Math.max(1, Math.min(100, count)))
                .stream().sorted(Comparator.comparing(StoredArtifact::createdAt).reversed()).limit(count).toList();
    }

    @Override
    public Optional<InputStream> openArtifact(long artifactId) {
        return rest.findStream("download artifact " + artifactId, repoPath() + "/actions/artifacts/" + artifactId
                + "/zip", ACTIONS_READ);
    }

    private List<StoredArtifact> artifacts(String what, String path) {
        List<StoredArtifact> found = new ArrayList<>();
        rest.findJson(what, path, ACTIONS_READ).ifPresent(body -> body.path("artifacts").forEach(a -> {
            if (!a.path("expired").asBoolean(false)) {
                found.add(ActionsPayloads.artifact(a));
            }
        }));
        return found;
    }

    @Override
    public List<Integer> listPullRequestsForCommit(String sha) {
        Optional<JsonNode> pulls = rest.findJson("list pull requests of commit " + sha,
                repoPath() + "/commits/" + sha + "/pulls?per_page=100", CONTENTS_READ);
        List<JsonNode> found = new ArrayList<>();
        pulls.ifPresent(array -> array.forEach(found::add));
        return found.stream()
                .sorted(Comparator.comparing((JsonNode pr) -> !"open".equals(pr.path("state").asText())))
                .map(pr -> pr.path("number").asInt()).toList();
    }

    @Override
    public Optional<Integer> findOpenPullRequest(String headSha, Optional<String> headLabel) {
        return find("find the open pull request of " + headSha, CONTENTS_READ, () -> {
            var query = repository().queryPullRequests().state(GHIssueState.OPEN);
            headLabel.ifPresent(query::head);
            for (GHPullRequest pr : query.list().withPageSize(100)) {
                if (pr.getHead() != null && headSha.equals(pr.getHead().getSha())) {
                    return pr.getNumber();
                }
            }
            throw new FileNotFoundException("no open pull request has head " + headSha);
        });
    }

    @Override
    public List<IssueComment> listIssueComments(int number) {
        return call("list comments of pull request #" + number, COMMENT_WRITE, () -> {
            GHIssue issue = issue(number);
            List<IssueComment> comments = new ArrayList<>();
            for (GHIssueComment c : issue.listComments().withPageSize(100)) {
                listedComments.put(c.getId(), c);
                comments.add(comment(c));
            }
            return comments;
        });
    }

    @Override
    public IssueComment createIssueComment(int number, String body) {
        return call("comment on pull request #" + number, COMMENT_WRITE,
                () -> comment(issue(number).comment(body)));
    }

    @Override
    public IssueComment updateIssueComment(long commentId, String body) {
        GHIssueComment listed = listedComments.get(commentId);
        if (listed == null) {
            String json = "{\"body\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(body) + "}";
            JsonNode updated = rest.patchJson("update comment " + commentId,
                    repoPath() + "/issues/comments/" + commentId, json, COMMENT_WRITE);
            return new IssueComment(updated.path("id").asLong(), updated.path("body").asText(),
                    updated.path("user").path("login").asText(""), updated.path("html_url").asText(""));
        }
        return call("update comment " + commentId, COMMENT_WRITE, () -> {
            listed.update(body);
            return new IssueComment(listed.getId(), body, listed.getUserName(), String.valueOf(listed.getHtmlUrl()));
        });
    }

    @Override
    public RunPage listRuns(RunFilter filter, int page, int perPage) {
        StringBuilder path = new StringBuilder(repoPath()).append("/actions/");
        filter.workflow().ifPresent(w -> path.append("workflows/").append(encode(w)).append('/'));
        // the summaries never read the pull requests, and leaving them out makes the pages smaller
        path.append("runs?exclude_pull_requests=true&per_page=").append(perPage).append("&page=").append(page);
        filter.branch().ifPresent(b -> path.append("&branch=").append(encode(b)));
        filter.status().ifPresent(st -> path.append("&status=").append(encode(st)));
        filter.createdSince().ifPresent(d -> path.append("&created=").append(encode(">=" + d)));
        String what = "list workflow runs (page " + page + ")";
        JsonNode body = rest.findJson(what, path.toString(), ACTIONS_READ).orElseThrow(() -> new GitHubAccessException(
                what + " failed: not found (HTTP 404)" + filter.workflow().map(w -> "; is '" + w
                        + "' a workflow file name (ci.yml) or id of " + repositoryName + "?").orElse(""),
                404));
        List<RunSummary> runs = new ArrayList<>();
        body.path("workflow_runs").forEach(run -> runs.add(ActionsPayloads.runSummary(run)));
        return new RunPage(runs, body.path("total_count").asInt(runs.size()));
    }

    @Override
    public List<WorkflowJob> listJobsOfAllAttempts(long runId) {
        return jobs("list the jobs of every attempt of run " + runId,
                repoPath() + "/actions/runs/" + runId + "/jobs?filter=all&per_page=100&page=");
    }

    @Override
    public String defaultBranch() {
        return find("get repository " + repositoryName, CONTENTS_READ, () -> repository().getDefaultBranch())
                .filter(branch -> !branch.isBlank()).orElse("main");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The repository, read once per command: the baseline's default branch and the commenter share it. */
    private GHRepository repository() throws IOException {
        if (repository == null) {
            repository = github.getRepository(repositoryName);
        }
        return repository;
    }

    private GHIssue issue(int number) throws IOException {
        GHIssue issue = issues.get(number);
        if (issue == null) {
            issue = repository().getIssue(number);
            issues.put(number, issue);
        }
        return issue;
    }

    private String repoPath() {
        return "/repos/" + repositoryName;
    }

    private static IssueComment comment(GHIssueComment c) {
        return new IssueComment(c.getId(), c.getBody(), c.getUserName(), String.valueOf(c.getHtmlUrl()));
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }

    private <T> Optional<T> find(String what, String permission, Call<T> call) {
        try {
            return Optional.of(attempt(what, permission, call));
        } catch (AbsentException e) {
            return Optional.empty();
        }
    }

    private <T> T call(String what, String permission, Call<T> call) {
        try {
            return attempt(what, permission, call);
        } catch (AbsentException e) {
            throw new GitHubAccessException(what + " failed: not found (HTTP 404)", 404);
        }
    }

    private <T> T attempt(String what, String permission, Call<T> call) {
        try {
            return call.run();
        } catch (FileNotFoundException e) {
            throw new AbsentException();
        } catch (GHException e) {
            throw translate(what, permission, e.getCause() instanceof IOException io ? io : new IOException(e));
        } catch (IOException e) {
            throw translate(what, permission, e);
        }
    }

    private static RuntimeException translate(String what, String permission, IOException e) {
        if (e instanceof FileNotFoundException) {
            return new AbsentException();
        }
        if (e instanceof HttpException http) {
            int status = http.getResponseCode();
            if (status == 401 || status == 403) {
                return new GitHubPermissionException(GitHubRestClient.permissionMessage(what, status, permission),
                        status);
            }
            return new GitHubAccessException(what + " failed: HTTP " + status, status);
        }
        return new GitHubAccessException(what + " failed: " + e.getMessage(), e);
    }

    /** A 404 where the caller asked with {@code find…}; becomes {@link Optional#empty()}. */
    private static final class AbsentException extends RuntimeException {
        AbsentException() {
            super(null, null, false, false);
        }
    }
}
