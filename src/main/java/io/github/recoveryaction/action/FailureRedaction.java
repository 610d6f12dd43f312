package io.github.recoveryaction.action;

import java.util.ArrayList;
import java.util.List;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Evidence;
import io.github.recoveryaction.report.Redactor;

/**
 * Removes secrets from what the action found before anything is published. The runner masks registered secrets in
 * logs and summaries, but a pull-request comment goes through the API unmasked, so log excerpts, titles and test
 * messages are cleaned here with the {@link Redactor} (built-in token shapes, the repository's
 * {@code report.redact} patterns, the token in use).
 */
final class FailureRedaction {

    private final Redactor redactor;

    FailureRedaction(Redactor redactor) {
        this.redactor = redactor;
    }

    JobFailure redact(JobFailure f) {
        Classification c = f.classification();
        List<String> lines = redactor.redactLines(c.evidence().stream().map(Evidence::text).toList());
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < c.evidence().size(); i++) {
            evidence.add(new Evidence(c.evidence().get(i).line(), lines.get(i)));
        }
        Classification clean = c.withEvidence(evidence).withTitle(redactor.redact(c.title()));
        List<FailedTest> tests = f.failedTests().stream().map(t -> new FailedTest(t.suite(), t.name(),
                redactor.redact(t.message()), t.file(), t.line())).toList();
        return new JobFailure(f.job(), f.jobName(), f.failedStep(), clean, tests, f.source(), f.notes(), f.logFile());
    }
}
