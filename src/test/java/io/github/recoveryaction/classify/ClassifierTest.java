package io.github.recoveryaction.classify;

import static io.github.recoveryaction.classify.JobLogBuilder.jobLog;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.log.LogInput;
import io.github.recoveryaction.classify.rules.RuleLoader;
import io.github.recoveryaction.classify.rules.RuleSet;

class ClassifierTest {

    static final RuleSet RULES = RuleLoader.load(Optional.empty());

    static Classification classify(String log) {
        return new Classifier(RULES).classify(LogInput.of("build.log",
                new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void namesTheFailingStepNotAPassingStepWithScaryWords() {
        String log = jobLog()
                .step("npm ci", "npm warn deprecated inflight@1.0.6: This module is not supported",
                        "Error: connect ECONNREFUSED 127.0.0.1:9 (retrying, attempt 1 of 3)", "added 312 packages")
                .step("npm run lint", "✔ 0 errors, 0 warnings")
                .step("./scripts/release.sh",
                        "/home/runner/work/_temp/a.sh: line 1: ./scripts/release.sh: No such file or directory")
                .exit(127).post().build();

        Classification c = classify(log);

        assertThat(c.step()).contains(new StepRef(3, "./scripts/release.sh"));
        assertThat(c.failureType()).isEqualTo(FailureType.CONFIGURATION_ERROR);
        assertThat(c.evidence()).extracting(Evidence::text)
                .contains("/home/runner/work/_temp/a.sh: line 1: ./scripts/release.sh: No such file or directory");
    }

    @Test
    void neverBlamesPostJobCleanup() {
        String log = jobLog().step("make test", "FAIL: 1 of 3 checks").exit(2)
                .line("Post job cleanup.").line("##[error]fatal: not a git repository").line("Cleaning up orphan processes")
                .build();

        Classification c = classify(log);

        assertThat(c.step()).contains(new StepRef(1, "make test"));
        assertThat(c.failureType()).isEqualTo(FailureType.UNKNOWN);
        assertThat(c.evidence()).extracting(Evidence::text).contains("##[error]Process completed with exit code 2.");
    }

    @Test
    void theStepScriptEchoedInTheHeaderIsNotEvidence() {
        String log = jobLog().line("##[group]Run if grep -q 'No space left on device' out.txt; then exit 1; fi")
                .line("if grep -q 'No space left on device' out.txt; then exit 1; fi").line("##[endgroup]")
                .line("checking").exit(1).post().build();

        assertThat(classify(log).failureType()).isEqualTo(FailureType.UNKNOWN);
    }

    @Test
    void setUpJobFailuresAreStepZero() {
        String log = jobLog().line("Getting action download info")
                .line("##[error]Unable to resolve action `acme/missing@v1`, repository not found")
                .line("Cleaning up orphan processes").build();

        Classification c = classify(log);

        assertThat(c.step()).contains(StepRef.SET_UP_JOB);
        assertThat(c.failureType()).isEqualTo(FailureType.CONFIGURATION_ERROR);
    }

    @Test
    void rawOutputHasNoStep() {
        Classification c = classify("Cloning\nfatal: not a git repository (or any of the parent directories): .git\n");

        assertThat(c.step()).isEmpty();
        assertThat(c.failureType()).isEqualTo(FailureType.GIT_ERROR);
        assertThat(c.evidence()).extracting(Evidence::line).containsExactly(2L);
    }

    @Test
    void logsWithoutTimestampsAreStillSplitIntoSteps() {
        String log = jobLog().withoutTimestamps().step("echo ok", "ok").step("git push", "fatal: not a git repository")
                .exit(128).post().build();

        assertThat(classify(log).step()).contains(new StepRef(2, "git push"));
    }

    @Test
    void theFirstStepTheRunnerEndedWinsOverLaterFailingCleanupSteps() {
        String log = jobLog().step("cargo build", "error[E0308]: mismatched types").exit(101)
                .step("actions/upload-artifact@v4", "##[error]No files were found with the provided path: target/x")
                .post().build();

        assertThat(classify(log).step()).contains(new StepRef(1, "cargo build"));
    }

    @Test
    void evidenceLinesAreOneBasedLinesOfTheInputWithoutTimestamps() {
        String log = jobLog().step("git merge x", "Auto-merging a.txt", "CONFLICT (content): Merge conflict in a.txt")
                .exit(1).post().build();
        long expected = log.lines().toList().indexOf(log.lines().filter(l -> l.contains("CONFLICT")).findFirst()
                .orElseThrow()) + 1;

        Classification c = classify(log);

        assertThat(c.evidence()).first().isEqualTo(new Evidence(expected, "CONFLICT (content): Merge conflict in a.txt"));
    }

    @Test
    void extractsTheTimeLimitAndHowLongTheStepRan() {
        String log = jobLog().step("pytest", "collected 3 items")
                .line("##[error]The action 'Run pytest' has timed out after 15 minutes.").post().build();

        Classification c = classify(log);

        assertThat(c.failureType()).isEqualTo(FailureType.TIMEOUT);
        assertThat(c.details().timeLimit()).contains(Duration.ofMinutes(15));
        assertThat(c.details().stepDuration()).isPresent();
    }

    @Test
    void unknownFailuresPointAtTheLastOutputAndTheExitCode() {
        String log = jobLog().step("./package.sh", "Packaging 1.0", "Writing manifest").exit(3).post().build();

        Classification c = classify(log);

        assertThat(c.failureType()).isEqualTo(FailureType.UNKNOWN);
        assertThat(c.rule()).isEqualTo("generic.unrecognized");
        assertThat(c.details().exitCode()).hasValue(3);
        assertThat(c.evidence()).extracting(Evidence::text)
                .containsExactly("Writing manifest", "##[error]Process completed with exit code 3.");
    }

    @Test
    void rulesSeeToolOutputInsideDockerBuildWithoutBuildKitPrefixes() {
        String log = jobLog().step("docker build -t shop .", "#9 [build 3/5] RUN git checkout v9.9.9",
                "#9 0.312 error: pathspec 'v9.9.9' did not match any file(s) known to git",
                "#9 ERROR: process \"/bin/sh -c git checkout v9.9.9\" did not complete successfully: exit code: 1")
                .exit(1).post().build();

        Classification c = classify(log);

        assertThat(c.failureType()).isEqualTo(FailureType.GIT_ERROR);
        assertThat(c.evidence()).extracting(Evidence::text)
                .contains("#9 0.312 error: pathspec 'v9.9.9' did not match any file(s) known to git");
    }

    @Test
    void aLogCopiedFromTheWebUiKeepsItsExitCode() {
        Classification c = classify("Run ./package.sh\n  ./package.sh\n  shell: /usr/bin/bash -e {0}\nWriting manifest\n"
                + "Error: Process completed with exit code 3.\n");

        assertThat(c.failureType()).isEqualTo(FailureType.UNKNOWN);
        assertThat(c.details().exitCode()).hasValue(3);
        assertThat(c.evidence()).extracting(Evidence::text).containsExactly("Writing manifest",
                "Error: Process completed with exit code 3.");
    }
}
