package io.github.recoveryaction.plan;

import java.net.URI;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.recoveryaction.InvalidInputException;

/**
 * A GitHub Actions run, and optionally one job of it, as named by its web address
 * ({@code https://github.com/OWNER/REPO/actions/runs/RUN_ID[/job/JOB_ID]}).
 *
 * @param serverUrl {@code https://github.com} or a GitHub Enterprise host
 * @param repository {@code owner/name}
 * @param runId the run's id, stable across re-runs
 * @param jobId the job's id, when the address names a job
 */
public record RunRef(String serverUrl, String repository, long runId, OptionalLong jobId) {

    private static final Pattern FORM = Pattern.compile(
            "(https?://[^/\\s]+)/([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)/actions/runs/(\\d+)(?:/attempts/\\d+)?(?:/jobs?/(\\d+))?/?(?:[?#].*)?");

    /** Parses a run or job address; the error names the value and the expected form. */
    public static RunRef parse(String url) {
        Matcher m = FORM.matcher(url.trim());
        if (!m.matches()) {
            throw new InvalidInputException("run URL '" + url + "' is not of the form "
                    + "https://github.com/OWNER/REPO/actions/runs/RUN_ID[/job/JOB_ID]");
        }
        OptionalLong job = m.group(4) == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(m.group(4)));
        return new RunRef(m.group(1), m.group(2), Long.parseLong(m.group(3)), job);
    }

    public URI runUrl() {
        return URI.create(serverUrl + "/" + repository + "/actions/runs/" + runId);
    }

    /** The job page, when the job is known. */
    public Optional<URI> findJobUrl() {
        return jobId.isPresent()
                ? Optional.of(URI.create(runUrl() + "/job/" + jobId.getAsLong()))
                : Optional.empty();
    }
}
