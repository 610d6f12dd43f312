package io.github.recoveryaction.classify.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.recoveryaction.InvalidInputException;
import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Classifier;
import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.classify.StepRef;
import io.github.recoveryaction.classify.rules.RuleLoader;

class LogInputTest {

    private static final String TS = "2026-03-02T09:00:00.0000000Z ";
    private static final String PASSING = TS + "##[group]Run echo hello\n" + TS + "##[endgroup]\n" + TS + "hello\n";
    private static final String FAILING = TS + "##[group]Run git push\n" + TS + "##[endgroup]\n" + TS
            + "fatal: not a git repository (or any of the parent directories): .git\n" + TS
            + "##[error]Process completed with exit code 128.\n";

    @TempDir
    Path dir;

    private final Classifier classifier = new Classifier(RuleLoader.load(Optional.empty()));

    @Test
    void readsARunLogsZipAndReportsTheFailedJob() throws IOException {
        Path zip = zip(Map.of("0_lint.txt", PASSING, "1_deploy.txt", PASSING + FAILING, "deploy/1_Set up job.txt", "x"));

        Classification c = classifier.classify(LogInput.of(zip));

        assertThat(c.job()).contains("deploy");
        assertThat(c.step()).contains(new StepRef(2, "git push"));
        assertThat(c.failureType()).isEqualTo(FailureType.GIT_ERROR);
        assertThat(classifier.classifyJobs(LogInput.of(zip))).extracting(x -> x.job().orElseThrow())
                .containsExactly("lint", "deploy");
    }

    @Test
    void readsAZipThatOnlyHasStepFiles() throws IOException {
        Path zip = zip(Map.of("build/1_Set up job.txt", TS + "Current runner version: '2.331.0'\n",
                "build/2_Run echo hello.txt", PASSING, "build/3_Run git push.txt", FAILING, "build/system.txt", "x"));

        Classification c = classifier.classify(LogInput.of(zip));

        assertThat(c.job()).contains("build");
        assertThat(c.step()).contains(new StepRef(2, "git push"));
    }

    @Test
    void readsAnUnpackedRunLogsFolder() throws IOException {
        Files.writeString(dir.resolve("0_build.txt"), PASSING + FAILING);

        assertThat(classifier.classify(LogInput.of(dir)).failureType()).isEqualTo(FailureType.GIT_ERROR);
    }

    @Test
    void readsGzippedLogsAndStreams() throws IOException {
        Path gz = dir.resolve("job.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write((PASSING + FAILING).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(classifier.classify(LogInput.of(gz)).failureType()).isEqualTo(FailureType.GIT_ERROR);
        assertThat(classifier.classify(LogInput.of("-", new ByteArrayInputStream(Files.readAllBytes(gz))))
                .failureType()).isEqualTo(FailureType.GIT_ERROR);
    }

    @Test
    void readsGhRunViewColumnsWithByteOrderMarksAndSeveralJobs() {
        String gh = "lint\tRun eslint\t\uFEFF" + TS + "##[group]Run npx eslint .\n"
                + "lint\tRun eslint\t" + TS + "##[endgroup]\n"
                + "lint\tRun eslint\t" + TS + "ok\n"
                + "deploy\tPush\t" + TS + "##[group]Run git push\n"
                + "deploy\tPush\t" + TS + "##[endgroup]\n"
                + "deploy\tPush\t" + TS + "fatal: not a git repository (or any of the parent directories): .git\n"
                + "deploy\tPush\t" + TS + "##[error]Process completed with exit code 128.\n";

        Classification c = classifier
                .classify(LogInput.of("gh.log", new ByteArrayInputStream(gh.getBytes(StandardCharsets.UTF_8))));

        assertThat(c.job()).contains("deploy");
        assertThat(c.step()).contains(new StepRef(1, "git push", Optional.of("Push")));
        assertThat(c.evidence()).first().satisfies(e -> {
            assertThat(e.line()).isEqualTo(6);
            assertThat(e.text()).isEqualTo("fatal: not a git repository (or any of the parent directories): .git");
        });
    }

    @Test
    void toleratesCrlfNulAndInvalidUtf8() {
        byte[] log = ("Compiling\r\n\0\0garbage \u00ff\r\nfatal: not a git repository\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        Classification c = classifier.classify(LogInput.of("x", new ByteArrayInputStream(log)));

        assertThat(c.failureType()).isEqualTo(FailureType.GIT_ERROR);
        assertThat(c.evidence()).first().extracting(e -> e.text()).isEqualTo("fatal: not a git repository");
    }

    @Test
    void anEmptyLogIsUnknownWithoutEvidence() {
        Classification c = classifier.classify(LogInput.of("empty", new ByteArrayInputStream(new byte[0])));

        assertThat(c.failureType()).isEqualTo(FailureType.UNKNOWN);
        assertThat(c.evidence()).isEmpty();
    }

    @Test
    void aMissingFileIsAUsageErrorNamingTheFile() {
        assertThatThrownBy(() -> classifier.classify(LogInput.of(dir.resolve("nope.log"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("cannot read " + dir.resolve("nope.log") + ": no such file");
    }

    @Test
    void aFolderWithoutJobLogsIsAUsageError() {
        assertThatThrownBy(() -> classifier.classify(LogInput.of(dir)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("holds no job logs");
    }

    private Path zip(Map<String, String> files) throws IOException {
        Path zip = dir.resolve("logs.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : new TreeMap<>(files).keySet()) {
                out.putNextEntry(new ZipEntry(name));
                out.write(files.get(name).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }
}
