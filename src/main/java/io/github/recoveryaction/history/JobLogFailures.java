package io.github.recoveryaction.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Classifier;
import io.github.recoveryaction.classify.Evidence;
import io.github.recoveryaction.classify.LineNormalizer;
import io.github.recoveryaction.classify.log.LogInput;
import io.github.recoveryaction.github.GitHubGateway;
import io.github.recoveryaction.github.WorkflowJob;
import io.github.recoveryaction.history.RunRecord.FailureRecord;
import io.github.recoveryaction.report.Redactor;
import io.github.recoveryaction.workspace.FileOwnership;

/**
 * The failure of a failed job for the statistics: its log downloaded (at most {@link #MAX_LOG_BYTES}, the end kept),
 * classified, and deleted again. Only redacted, normalised text is kept, since the cache may be shared.
 */
final class JobLogFailures implements RunScanner.FailureReader {

    static final long MAX_LOG_BYTES = 16L * 1024 * 1024;
    static final int MAX_LINE = 300;

    private final GitHubGateway github;
    private final Classifier classifier;
    private final Redactor redactor;
    private final Path folder;
    private final FileOwnership ownership;
    private final LineNormalizer normalizer = new LineNormalizer();

    /** @param folder where logs are downloaded, for the owner of the folder (a root container's are not root's) */
    JobLogFailures(GitHubGateway github, Classifier classifier, Redactor redactor, Path folder) {
        this.github = github;
        this.classifier = classifier;
        this.redactor = redactor;
        this.folder = folder;
        this.ownership = FileOwnership.ofWorkspace(folder);
    }

    @Override
    public FailureRecord read(WorkflowJob job) {
        Path file = folder.resolve("job-" + job.id() + ".log");
        try {
            Optional<Path> log = github.downloadJobLog(job.id(), file, MAX_LOG_BYTES).map(ownership::claim);
            if (log.isEmpty()) {
                return new FailureRecord("unknown", FailureRecord.NO_LOG, Optional.empty(), List.of());
            }
            return record(classifier.classify(LogInput.of(log.get())));
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the folder is removed at the end of the scan
            }
        }
    }

    private FailureRecord record(Classification c) {
        Optional<String> headline = c.evidence().stream().map(Evidence::text).filter(t -> !t.startsWith("##["))
                .findFirst().or(() -> c.evidence().stream().map(Evidence::text).findFirst())
                .map(t -> normalizer.normalize(redactor.redact(t)))
                .map(t -> t.length() > MAX_LINE ? t.substring(0, MAX_LINE - 1) + "…" : t);
        return new FailureRecord(c.failureType().id(), c.rule(), headline,
                c.details().failedTests().stream().map(redactor::redact).limit(50).toList());
    }
}
