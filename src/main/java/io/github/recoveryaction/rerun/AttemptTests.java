package io.github.recoveryaction.rerun;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one attempt of a run says about its tests.
 *
 * @param reports failing and passing tests from the JUnit reports uploaded as artifacts in that attempt; empty when
 *        none were found
 * @param jobs per job name: whether it succeeded, and the failing tests its log named
 */
public record AttemptTests(int attempt, Optional<Reports> reports, Map<String, JobTests> jobs) {

    public AttemptTests {
        jobs = Map.copyOf(jobs);
    }

    /** Test outcomes from JUnit reports; a test listed in neither set did not run (or was skipped). */
    public record Reports(Set<String> failed, Set<String> passed) {

        public Reports {
            failed = Set.copyOf(failed);
            passed = Set.copyOf(passed);
        }
    }

    /** One job of the attempt. */
    public record JobTests(boolean succeeded, List<String> failedTests) {

        public JobTests {
            failedTests = List.copyOf(failedTests);
        }
    }

    boolean anyJobFailed() {
        return jobs.values().stream().anyMatch(j -> !j.succeeded());
    }
}
