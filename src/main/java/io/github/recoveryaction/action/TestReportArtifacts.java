package io.github.recoveryaction.action;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.github.recoveryaction.github.ArtifactEntries;
import io.github.recoveryaction.github.GitHubAccessException;
import io.github.recoveryaction.github.GitHubGateway;
import io.github.recoveryaction.github.StoredArtifact;
import io.github.recoveryaction.rerun.AttemptTests.Reports;

/**
 * JUnit reports a run uploaded as artifacts, split by attempt. The REST API does not say which attempt uploaded an
 * artifact, so its creation time decides: artifacts created before the later attempt started belong to the earlier
 * one. Of several artifacts with the same name on one side the newest counts. Only XML files inside the zips are
 * read, from artifacts whose name matches {@code test-report-artifacts} and that are not too large.
 */
final class TestReportArtifacts {

    static final List<String> DEFAULT_NAMES = List.of("*test-result*", "*test-report*", "*junit*", "*surefire*");
    static final long MAX_ARTIFACT_BYTES = 50L << 20;
    static final int MAX_ARTIFACTS = 10;
    private static final long MAX_XML_BYTES = 20L << 20;

    /** The reports of the earlier and of the later attempt; empty where none were found. */
    record Split(Optional<Reports> before, Optional<Reports> after) {
        static final Split NONE = new Split(Optional.empty(), Optional.empty());
    }

    private final GitHubGateway github;
    private final List<PathMatcher> names;
    private final List<String> notes;

    TestReportArtifacts(GitHubGateway github, List<String> namePatterns, List<String> notes) {
        this.github = github;
        this.names = namePatterns.stream()
                .map(p -> FileSystems.getDefault().getPathMatcher("glob:" + p.toLowerCase(Locale.ROOT))).toList();
        this.notes = notes;
    }

    Split read(long runId, Instant laterAttemptStarted) {
        try {
            List<StoredArtifact> matching = github.listRunArtifacts(runId).stream().filter(this::wanted).toList();
            if (matching.isEmpty()) {
                return Split.NONE;
            }
            return new Split(
                    reports(newestPerName(matching.stream().filter(a -> a.createdAt().isBefore(laterAttemptStarted)))),
                    reports(newestPerName(matching.stream().filter(a -> !a.createdAt().isBefore(laterAttemptStarted)))));
        } catch (GitHubAccessException e) {
            notes.add("The test-report artifacts could not be read (" + e.getMessage() + "); flaky tests are taken "
                    + "from the logs.");
            return Split.NONE;
        }
    }

    private boolean wanted(StoredArtifact artifact) {
        Path name = Path.of(artifact.name().toLowerCase(Locale.ROOT));
        if (names.stream().noneMatch(m -> m.matches(name))) {
            return false;
        }
        if (artifact.size() > MAX_ARTIFACT_BYTES) {
            notes.add("Artifact " + artifact.name() + " is larger than " + (MAX_ARTIFACT_BYTES >> 20)
                    + " MB; its test reports were not read.");
            return false;
        }
        return true;
    }

    private static List<StoredArtifact> newestPerName(Stream<StoredArtifact> artifacts) {
        Map<String, StoredArtifact> newest = new LinkedHashMap<>();
        artifacts.sorted(Comparator.comparing(StoredArtifact::createdAt).thenComparingLong(StoredArtifact::id))
                .forEach(a -> newest.put(a.name(), a));
        return newest.values().stream().limit(MAX_ARTIFACTS).toList();
    }

    private Optional<Reports> reports(List<StoredArtifact> artifacts) {
        Set<String> failed = new LinkedHashSet<>();
        Set<String> passed = new LinkedHashSet<>();
        int files = 0;
        for (StoredArtifact artifact : artifacts) {
            Optional<InputStream> zip = github.openArtifact(artifact.id());
            if (zip.isEmpty()) {
                continue;
            }
            try (InputStream in = zip.get()) {
                files += new ArtifactEntries(n -> n.toLowerCase(Locale.ROOT).endsWith(".xml"), MAX_XML_BYTES)
                        .read(in, (name, content) -> {
                            try {
                                Reports one = JUnitReports.outcomes(new ByteArrayInputStream(content));
                                failed.addAll(one.failed());
                                passed.addAll(one.passed());
                            } catch (IOException e) {
                                // an XML file that is not a JUnit report (coverage, lint) is simply not one
                            }
                        });
            } catch (IOException e) {
                notes.add("Artifact " + artifact.name() + " could not be read as a zip: " + e.getMessage());
            }
        }
        passed.removeAll(failed);
        return files == 0 || failed.isEmpty() && passed.isEmpty() ? Optional.empty()
                : Optional.of(new Reports(failed, passed));
    }
}
