package io.github.recoveryaction.rerun;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flaky tests across two attempts of a run: tests that failed in the earlier attempt and passed in the later one.
 * <ul>
 * <li>Failed before: listed as failing by the earlier attempt's JUnit reports, else named by the log of a job that
 * failed.</li>
 * <li>Passed now: listed as passing by the later attempt's JUnit reports; a test those reports do not list (or when
 * there are none) counts as passed when the job whose log named it succeeded, or, for a test known only from
 * reports, when no job of the later attempt failed.</li>
 * <li>A test the later attempt lists as failing, in its reports or in a log, is never flaky.</li>
 * </ul>
 */
public final class FlakyTests {

    private FlakyTests() {
    }

    /** The flaky tests' names as the earlier attempt spelled them, sorted. */
    public static List<String> find(AttemptTests before, AttemptTests after) {
        Map<String, Optional<String>> failedBefore = failedWithJob(before);
        List<String> failingNow = failing(after);
        List<String> flaky = new ArrayList<>();
        failedBefore.forEach((test, job) -> {
            if (!TestNames.containsMatch(failingNow, test) && passed(test, job, after)) {
                flaky.add(test);
            }
        });
        flaky.sort(Comparator.comparing(TestNames::key));
        return List.copyOf(flaky);
    }

    /** Each failing test of the attempt with the job whose log named it (empty when only the reports did). */
    private static Map<String, Optional<String>> failedWithJob(AttemptTests attempt) {
        Map<String, Optional<String>> tests = new LinkedHashMap<>();
        attempt.reports().ifPresent(r -> r.failed().forEach(t -> tests.put(t, Optional.empty())));
        attempt.jobs().forEach((job, result) -> result.failedTests().forEach(test -> {
            if (attempt.reports().isEmpty() || !TestNames.containsMatch(tests.keySet(), test)) {
                tests.put(test, Optional.of(job));
            } else {
                tests.replaceAll((known, j) -> TestNames.same(known, test) ? Optional.of(job) : j);
            }
        }));
        return tests;
    }

    private static List<String> failing(AttemptTests attempt) {
        List<String> tests = new ArrayList<>();
        attempt.reports().ifPresent(r -> tests.addAll(r.failed()));
        attempt.jobs().values().forEach(j -> tests.addAll(j.failedTests()));
        return tests;
    }

    private static boolean passed(String test, Optional<String> job, AttemptTests after) {
        if (after.reports().filter(r -> TestNames.containsMatch(r.passed(), test)).isPresent()) {
            return true;
        }
        if (job.isPresent()) {
            AttemptTests.JobTests result = after.jobs().get(job.get());
            return result != null && result.succeeded();
        }
        return !after.jobs().isEmpty() && !after.anyJobFailed();
    }
}
