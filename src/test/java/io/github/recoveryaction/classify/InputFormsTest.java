package io.github.recoveryaction.classify;

import static io.github.recoveryaction.classify.JobLogBuilder.jobLog;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.recoveryaction.classify.log.LogInput;

/**
 * Every form a real log arrives in gives the same verdict: UTF-16 from PowerShell, byte-order marks intact, mangled
 * or escaped, gh columns, excerpts, several jobs, passing jobs, empty and binary input.
 */
class InputFormsTest {

    /** A Zig build no rule knows: the generic tier reads the compiler diagnostic. */
    private static final String LOG = jobLog()
            .step("zig build", "\u001b[1msrc/main.zig:14:9: \u001b[31merror: \u001b[0muse of undeclared identifier 'routes'",
                    "    try routes.register(app);", "        ^~~~~~",
                    "error: the following command failed with 1 compilation errors:")
            .exit(1).post().build();

    private static Classification classify(byte[] bytes) {
        return new Classifier(ClassifierTest.RULES).classify(LogInput.of("build.log", new ByteArrayInputStream(bytes)));
    }

    private static Classification classify(String log) {
        return classify(log.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] encode(String text, Charset charset, byte... bom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        out.writeBytes(text.getBytes(charset));
        return out.toByteArray();
    }

    @Test
    void utf8IsTheReference() {
        Classification c = classify(LOG);

        assertThat(c.failureType()).isEqualTo(FailureType.COMPILATION_ERROR);
        assertThat(c.rule()).isEqualTo("generic.compiler-diagnostic");
        assertThat(c.decidedByRule()).isFalse();
        assertThat(c.step()).contains(new StepRef(1, "zig build"));
        assertThat(c.evidence()).extracting(Evidence::text)
                .contains("src/main.zig:14:9: error: use of undeclared identifier 'routes'");
    }

    @ParameterizedTest
    @ValueSource(strings = { "UTF-16LE+BOM", "UTF-16LE", "UTF-16BE+BOM", "UTF-16BE" })
    void utf16WithOrWithoutByteOrderMarkReadsLikeUtf8ColoursStripped(String form) {
        Charset charset = form.startsWith("UTF-16LE") ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
        byte[] bom = !form.endsWith("+BOM") ? new byte[0]
                : charset == StandardCharsets.UTF_16LE ? new byte[] { (byte) 0xFF, (byte) 0xFE }
                        : new byte[] { (byte) 0xFE, (byte) 0xFF };

        Classification c = classify(encode(LOG, charset, bom));

        assertThat(c).usingRecursiveComparison().isEqualTo(classify(LOG));
    }

    @Test
    void byteOrderMarksIntactMangledOrEscapedAreIgnored() {
        Classification reference = classify(LOG);
        for (String bom : List.of("\uFEFF", "ï»¿", "\\uFEFF", "∩╗┐", "???", "?")) {
            assertThat(classify(bom + LOG)).as("mark %s", bom).usingRecursiveComparison().isEqualTo(reference);
        }
    }

    @Test
    void ghColumnsKeepTheirJobAndStepWhateverMarkFollowsThem() {
        StringBuilder gh = new StringBuilder();
        String[] marks = { "\uFEFF", "ï»¿", "\\uFEFF", "∩╗┐", "???", "" };
        int i = 0;
        for (String line : LOG.split("\n")) {
            String step = line.contains("Post job cleanup") || line.contains("orphan") ? "Post Run actions/checkout@v4"
                    : line.contains("Run zig") || i > 5 ? "Compile" : "Set up job";
            gh.append("build\t").append(step).append('\t').append(marks[i++ % marks.length]).append(line).append('\n');
        }

        Classification c = classify(gh.toString());

        assertThat(c.job()).contains("build");
        assertThat(c.failureType()).isEqualTo(FailureType.COMPILATION_ERROR);
        assertThat(c.step()).contains(new StepRef(1, "zig build", Optional.of("Compile")));
        assertThat(c.otherFailedJobs()).isEmpty();
    }

    @Test
    void anExcerptWithoutStepMarkersHasNoStep() {
        String excerpt = "2026-03-02T09:01:00.0000000Z src/main.zig:14:9: error: use of undeclared identifier 'routes'\n"
                + "2026-03-02T09:01:00.1000000Z ##[error]Process completed with exit code 1.\n";

        Classification c = classify(excerpt);

        assertThat(c.step()).isEmpty();
        assertThat(c.failureType()).isEqualTo(FailureType.COMPILATION_ERROR);
    }

    @Test
    void aWebUiPasteNamesItsStepFromTheRunHeaderThatOpensIt() {
        String paste = "Run zig build -Doptimize=ReleaseSafe\n"
                + "  zig build -Doptimize=ReleaseSafe\n"
                + "  shell: /usr/bin/bash -e {0}\n"
                + "src/main.zig:14:9: error: use of undeclared identifier 'routes'\n"
                + "Error: Process completed with exit code 1.\n";

        Classification c = classify(paste);

        assertThat(c.step()).contains(new StepRef(1, "zig build -Doptimize=ReleaseSafe"));
        assertThat(c.failureType()).isEqualTo(FailureType.COMPILATION_ERROR);
        assertThat(c.evidence()).extracting(Evidence::text).doesNotContain("  zig build -Doptimize=ReleaseSafe");
    }

    @Test
    void aWebUiRunHeaderInsideThePasteCountsOnlyWithItsEcho() {
        String paste = "npm warn deprecated inflight@1.0.6\n"
                + "Run `npm audit fix` to address them\n"
                + "Run actions/setup-node@v4\n"
                + "  with:\n"
                + "    node-version: 20\n"
                + "env:\n"
                + "  CI: true\n"
                + "Run npm test\n"
                + "  npm test\n"
                + "src/app.test.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.\n"
                + "Error: Process completed with exit code 2.\n";

        Classification c = classify(paste);

        assertThat(c.step()).contains(new StepRef(2, "npm test"));
        assertThat(c.failureType()).isEqualTo(FailureType.COMPILATION_ERROR);
    }

    @Test
    void aCollapsedRunHeaderWithLineLinksNamesTheStepAsTheRunnerDid() {
        String paste = "> Run zig build -Dtarget=x86_6[4](https://github.com/acme/zap/actions/runs/7/job/9#step:4:1)\n"
                + "  zig build -Dtarget=x86_64\n"
                + "src/main.zig:14:9: error: use of undeclared identifier 'routes'\n"
                + "Error: Process completed with exit code 1.\n";

        assertThat(classify(paste).step()).contains(new StepRef(1, "zig build -Dtarget=x86_64"));
    }

    @Test
    void aCopyWithCollapsedStepsOpensAStepAtEveryRunLine() {
        String paste = "Run acme/publish-report@v2\n"
                + "Run set -euo pipefail\n"
                + "Checking inputs\n"
                + "Run actions/checkout@v4\n"
                + "Syncing repository: acme/reports\n"
                + "Run ./scripts/publish.sh\n"
                + "publishing report\n"
                + "gh: Resource not accessible by integration (HTTP 403)\n";

        Classification c = classify(paste);

        assertThat(c.step()).contains(new StepRef(4, "./scripts/publish.sh"));
        assertThat(c.failureType()).isEqualTo(FailureType.PERMISSION_ERROR);
    }

    @Test
    void aCopyWithStepDebugLinesNamesTheRunStepTheDebugLinesConfirm() {
        String paste = "##[debug]Evaluating condition for step: 'Publish'\n"
                + "##[debug]Starting: Publish\n"
                + "Run ./scripts/publish.sh --tag v3\n"
                + "##[debug]/usr/bin/bash -e /home/runner/work/_temp/0f1e2d3c.sh\n"
                + "publishing v3\n"
                + "gh: Resource not accessible by integration (HTTP 403)\n"
                + "Error: Process completed with exit code 1.\n"
                + "##[debug]Finishing: Publish\n";

        Classification c = classify(paste);

        assertThat(c.step()).contains(new StepRef(1, "./scripts/publish.sh --tag v3"));
        assertThat(c.failureType()).isEqualTo(FailureType.PERMISSION_ERROR);
    }

    @Test
    void anExpandedFirstHeaderKeepsLaterRunLinesWithoutEchoAsOutput() {
        String paste = "Run ./ci.sh\n"
                + "  ./ci.sh\n"
                + "Run zig build --summary all\n"
                + "src/main.zig:14:9: error: use of undeclared identifier 'routes'\n"
                + "Error: Process completed with exit code 1.\n";

        assertThat(classify(paste).step()).contains(new StepRef(1, "./ci.sh"));
    }

    @Test
    void aWebUiCopyWithLineNumbersOnTheirOwnLinesReadsLikeOneWithout() {
        String paste = "1\nRun zig build\n2\n  zig build\n3\n  shell: /usr/bin/bash -e {0}\n4\n"
                + "src/main.zig:14:9: error: use of undeclared identifier 'routes'\n5\n"
                + "Error: Process completed with exit code 1.\n";

        Classification c = classify(paste);

        assertThat(c.step()).contains(new StepRef(1, "zig build"));
        assertThat(c.failureType()).isEqualTo(FailureType.COMPILATION_ERROR);
        assertThat(c.evidence()).extracting(Evidence::text).doesNotContain("4", "5");
    }

    @Test
    void aPastedStepThatRanAfterTheFailureIsNotBlamed() {
        String paste = "Run zig build\n  zig build\n"
                + "src/main.zig:14:9: error: use of undeclared identifier 'routes'\n"
                + "Error: Process completed with exit code 1.\n"
                + "Run actions/upload-artifact@v4\n  with:\n    name: logs\n"
                + "Warning: No files were found with the provided path: zig-out/logs. No artifacts will be uploaded.\n";

        Classification c = classify(paste);

        assertThat(c.step()).contains(new StepRef(1, "zig build"));
        assertThat(c.failureType()).isEqualTo(FailureType.COMPILATION_ERROR);
    }

    @Test
    void aTestRunnersRunOptionsLineIsNoHeader() {
        String paste = "Run options: --seed 45213\n\n# Running:\n\nE\n"
                + "1 runs, 0 assertions, 0 failures, 1 errors, 0 skips\n";

        assertThat(classify(paste).step()).isEmpty();
        for (String advice : List.of("> Run with --stacktrace option to get the stack trace.",
                "Run `npm audit fix` to fix them, or `npm audit` for details")) {
            assertThat(classify(advice + "\n  src/main.zig:14:9: error: use of undeclared identifier 'routes'\n")
                    .step()).as(advice).isEmpty();
        }
    }

    @Test
    void aRunLineInOrdinaryOutputStaysOutput() {
        String paste = "src/main.zig:14:9: error: use of undeclared identifier 'routes'\n"
                + "Run zig build --help for the options\n"
                + "Error: Process completed with exit code 1.\n";

        Classification c = classify(paste);

        assertThat(c.step()).isEmpty();
        assertThat(c.failureType()).isEqualTo(FailureType.COMPILATION_ERROR);
    }

    @Test
    void theJobsSetUpIsAStepOnlyWhenTheLogShowsIt() {
        String setUp = jobLog().line("##[error]Unable to resolve action `acme/deploy@v9`, unable to find version `v9`")
                .build();

        assertThat(classify(setUp).step()).contains(StepRef.SET_UP_JOB);
    }

    @Test
    void theRootCauseJobIsTheHeadlineNotTheAggregatorThatNeedsIt() {
        String gh = ghJob("all-checks", "./scripts/all-green.sh",
                "Job build: failure", "Error: one or more required jobs failed")
                + ghJob("build", "npm run build",
                        "src/app.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.");

        Classification c = classify(gh);

        assertThat(c.job()).contains("build");
        assertThat(c.failureType()).isEqualTo(FailureType.COMPILATION_ERROR);
        assertThat(c.otherFailedJobs()).singleElement().satisfies(other -> {
            assertThat(other.job()).isEqualTo("all-checks");
            assertThat(other.consequence()).isTrue();
        });
    }

    @Test
    void aPassingJobNextToAFailedOneIsNotListed() {
        String gh = ghPassingJob("lint") + ghJob("test", "go test ./...", "--- FAIL: TestParse (0.00s)",
                "    parse_test.go:12: expected 3, got 4", "FAIL");

        Classification c = classify(gh);

        assertThat(c.job()).contains("test");
        assertThat(c.failureType()).isEqualTo(FailureType.TEST_FAILURE);
        assertThat(c.otherFailedJobs()).isEmpty();
    }

    @Test
    void aRecoveredErrorBeforeTheRealOneDoesNotSteerTheVerdict() {
        String log = jobLog().step("./deploy.sh", "curl: (7) Failed to connect to cdn.example.com port 443",
                "Retrying in 2 seconds (attempt 1 of 3)...", "Fetched release notes.",
                "Error: HTTP 403: Resource not accessible by integration", "Deploy failed.").exit(1).post().build();

        Classification c = classify(log);

        assertThat(c.failureType()).isEqualTo(FailureType.PERMISSION_ERROR);
        assertThat(c.evidence()).extracting(Evidence::text)
                .contains("Error: HTTP 403: Resource not accessible by integration");
    }

    @Test
    void aJobThatPassedHasNoFailedStep() {
        String log = jobLog().step("npm ci", "npm warn deprecated glob@7.2.3", "added 812 packages in 9s")
                .step("npm test", "Tests: 41 passed, 41 total", "error: No such remote 'origin' (ignored)")
                .post().build();

        Classification c = classify(log);

        assertThat(c.outcome()).isEqualTo(Classification.Outcome.NO_FAILED_STEP);
        assertThat(c.failed()).isFalse();
        assertThat(c.decidedByRule()).isFalse();
        assertThat(c.step()).isEmpty();
        assertThat(c.evidence()).isEmpty();
        assertThat(c.title()).contains("No failed step found");
    }

    @Test
    void aPassedJobWhoseStepsPrintScaryWordsIsAControl() {
        String log = jobLog().step("actions/configure-pages@v5", "Error: Get Pages site failed. Not Found",
                "Trying to create the site instead.", "Pages site created.")
                .step("./publish.sh", "error: No such remote 'origin'", "warning: 3 files skipped",
                        "HTTP/1.1 404 Not Found for /api/old-path (expected: the redirect below)", "Published 42 pages.")
                .post().build();

        for (String form : List.of(log, log.replace("\n", "\r\n"), "\uFEFF" + log)) {
            Classification c = classify(form);
            assertThat(c.outcome()).isEqualTo(Classification.Outcome.NO_FAILED_STEP);
            assertThat(c.failed()).isFalse();
        }
        assertThat(classify(encode(log, StandardCharsets.UTF_16LE, (byte) 0xFF, (byte) 0xFE)).outcome())
                .isEqualTo(Classification.Outcome.NO_FAILED_STEP);
    }

    @Test
    void emptyAndBinaryInputsSaySo() {
        assertThat(classify(new byte[0]).outcome()).isEqualTo(Classification.Outcome.EMPTY);
        assertThat(classify("\n\n  \n").outcome()).isEqualTo(Classification.Outcome.EMPTY);
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31 % 7 == 0 ? 0 : i * 17);
        }
        Classification c = classify(binary);
        assertThat(c.outcome()).isEqualTo(Classification.Outcome.NOT_TEXT);
        assertThat(c.title()).contains("not text");
    }

    private static String ghJob(String job, String command, String... output) {
        StringBuilder out = new StringBuilder();
        for (String line : jobLog().step(command, output).exit(1).post().lines()) {
            out.append(job).append("\tRun ").append(command).append('\t').append(line).append('\n');
        }
        return out.toString();
    }

    private static String ghPassingJob(String job) {
        StringBuilder out = new StringBuilder();
        for (String line : jobLog().step("npx eslint .", "✔ 0 problems").post().lines()) {
            out.append(job).append("\tSet up job\t").append(line).append('\n');
        }
        return out.toString();
    }
}
