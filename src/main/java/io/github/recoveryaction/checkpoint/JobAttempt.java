package io.github.recoveryaction.checkpoint;

/**
 * The GitHub Actions job attempt a checkpoint was made in.
 *
 * @param job the job key ({@code GITHUB_JOB}, or the {@code --job-key} that tells matrix legs apart)
 * @param runId {@code GITHUB_RUN_ID}, the same for every attempt
 * @param attempt {@code GITHUB_RUN_ATTEMPT}, from 1
 */
public record JobAttempt(String job, long runId, int attempt) {
}
