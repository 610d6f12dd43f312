package io.github.recoveryaction.checkpoint;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Artifact names of one job's checkpoints: {@code recovery-checkpoint-<job>-a<attempt>-<id>}. The attempt keeps
 * re-runs from colliding with the names earlier attempts used (names are unique per run), and lets a restore pick
 * earlier attempts without downloading anything. Only letters, digits, {@code .}, {@code _} and {@code -} are used,
 * well inside the artifact name rules.
 */
public final class ArtifactNames {

    static final String PREFIX = "recovery-checkpoint-";
    private static final int MAX_JOB_LENGTH = 80;

    private final String jobPrefix;
    private final Pattern pattern;

    public ArtifactNames(String jobKey) {
        String job = jobKey.replaceAll("[^A-Za-z0-9._-]", "-");
        this.jobPrefix = PREFIX + (job.length() > MAX_JOB_LENGTH ? job.substring(0, MAX_JOB_LENGTH) : job) + "-a";
        this.pattern = Pattern.compile(Pattern.quote(jobPrefix) + "(\\d+)-(.+)");
    }

    public String name(int attempt, String checkpointId) {
        return jobPrefix + attempt + "-" + checkpointId;
    }

    /** A parsed name of this job's checkpoint artifact. */
    public record Parsed(int attempt, String checkpointId) {
    }

    public Optional<Parsed> parse(String artifactName) {
        Matcher m = pattern.matcher(artifactName);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Parsed(Integer.parseInt(m.group(1)), m.group(2)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
