package io.github.recoveryaction.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void reportsCommitBranchAndHowTheTreeDiffersFromHead() throws Exception {
        try (GitFixture fixture = GitFixture.init(dir)) {
            fixture.write(".gitignore", "target/\n").write("a.txt", "a\n").write("b.txt", "b\n").write("c.txt", "c\n")
                    .commitAll("initial");
            fixture.write("a.txt", "changed\n").write("new/file.txt", "untracked\n").write("target/out.jar", "ignored");
            Files.delete(dir.resolve("b.txt"));

            try (GitRepository git = GitRepository.find(dir).orElseThrow()) {
                assertThat(git.head()).contains(fixture.head());
                assertThat(git.branch()).contains("main");
                WorkingTreeStatus status = git.status();
                assertThat(status.changed()).containsExactly("a.txt");
                assertThat(status.deleted()).containsExactly("b.txt");
                assertThat(status.untracked()).containsExactly("new/file.txt");
                assertThat(status.dirty()).isTrue();
                assertThat(status.state()).isEqualTo("SAFE");
                assertThat(git.tracksAnythingUnder("target")).isFalse();
                assertThat(git.tracksAnythingUnder("c.txt")).isTrue();
            }
        }
    }

    @Test
    void reportsPathsRelativeToAWorkspaceBelowTheWorkTree() throws Exception {
        try (GitFixture fixture = GitFixture.init(dir)) {
            fixture.write("app/src/A.java", "class A {}\n").write("other/x.txt", "x").commitAll("initial");
            fixture.write("app/src/A.java", "class A { }\n").write("other/x.txt", "y");

            try (GitRepository git = GitRepository.find(dir.resolve("app")).orElseThrow()) {
                assertThat(git.status().changed()).containsExactly("src/A.java");
                assertThat(git.tracksAnythingUnder("src")).isTrue();
            }
        }
    }

    @Test
    void findsNothingOutsideARepository() {
        assertThat(GitRepository.find(dir)).isEmpty();
    }

    @Test
    void detachedHeadHasNoBranch() throws Exception {
        try (GitFixture fixture = GitFixture.init(dir)) {
            fixture.write("a.txt", "a").commitAll("initial").checkoutDetached(fixture.head());
            try (GitRepository git = GitRepository.find(dir).orElseThrow()) {
                assertThat(git.branch()).isEmpty();
            }
        }
    }

    /**
     * A child JVM whose PATH starts with a fake {@code git} that records every call: reading the repository must
     * not start it, while an untouched JGit does (which proves the fake would notice).
     */
    @Test
    void startsNoGitProcess() throws Exception {
        Path repo = dir.resolve("repo");
        try (GitFixture fixture = GitFixture.init(repo)) {
            fixture.write("a.txt", "a").commitAll("initial").write("a.txt", "b");
        }
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path calls = dir.resolve("git-calls.log");
        Path fakeGit = bin.resolve("git");
        Files.writeString(fakeGit, "#!/bin/sh\necho \"git $*\" >> '" + calls + "'\nexit 1\n");
        Files.setPosixFilePermissions(fakeGit, PosixFilePermissions.fromString("rwxr-xr-x"));

        String output = runProbe(bin, repo.toString());
        assertThat(output).contains(" main true");
        assertThat(calls).doesNotExist();

        runProbe(bin, repo.toString(), "--plain-jgit");
        assertThat(calls).exists();
    }

    private static String runProbe(Path bin, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = Stream.concat(Stream.of(java, "-cp", System.getProperty("java.class.path"),
                GitProbe.class.getName()), Stream.of(args)).toList();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().put("HOME", bin.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
