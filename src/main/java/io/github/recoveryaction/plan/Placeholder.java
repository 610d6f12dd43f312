package io.github.recoveryaction.plan;

import java.util.Arrays;
import java.util.Optional;

/**
 * The values a plan template may name as {@code {{name}}}. Which ones are filled depends on what the classifier
 * extracted; a text whose placeholders are not all known falls back to its next alternative.
 */
public enum Placeholder {
    FAILURE_TYPE("failure-type", Kind.ALWAYS, "the failure type id"),
    LANE("lane", Kind.ALWAYS, "the lane id"),
    STEP("step", Kind.LOG_TEXT, "name of the failing step"),
    STEP_NUMBER("step-number", Kind.FACT, "number of the failing step: the jobs API's (Set up job is 1, as in "
            + "failed-step-number) when the job is known, else as the log counts its steps"),
    TITLE("title", Kind.LOG_TEXT, "the deciding rule's one-sentence reason"),
    TOOL("tool", Kind.FACT, "the tool or ecosystem that reported the failure (first segment of the rule id)"),
    FAILED_TESTS("failed-tests", Kind.LOG_TEXT, "the failing tests, the first few by name"),
    FAILED_TEST_COUNT("failed-test-count", Kind.FACT, "how many tests failed"),
    FIRST_FAILED_TEST("first-failed-test", Kind.LOG_TEXT, "the first failing test"),
    DEPENDENCY("dependency", Kind.LOG_TEXT, "the first dependency that could not be resolved"),
    DEPENDENCIES("dependencies", Kind.LOG_TEXT, "every dependency that could not be resolved, the first few"),
    LOCATION("location", Kind.LOG_TEXT, "file:line[:column] of the first compiler or linter finding"),
    FILE("file", Kind.LOG_TEXT, "the file of the first finding"),
    LINE("line", Kind.FACT, "the line of the first finding"),
    LOCATION_MESSAGE("location-message", Kind.LOG_TEXT, "the message of the first finding"),
    COMMAND("command", Kind.LOG_TEXT, "the command or program that was not found"),
    EXIT_CODE("exit-code", Kind.FACT, "the exit code the step ended with"),
    STEP_DURATION("step-duration", Kind.FACT, "how long the failing step ran"),
    TIME_LIMIT("time-limit", Kind.FACT, "the time limit the step hit"),
    SUGGESTED_TIMEOUT_MINUTES("suggested-timeout-minutes", Kind.FACT,
            "a timeout-minutes value 50 % above what the step needed"),
    RUN_ID("run-id", Kind.FACT, "the workflow run id, when the run URL is known"),
    JOB_ID("job-id", Kind.FACT, "the job id, when the job URL is known"),
    REPOSITORY("repository", Kind.FACT, "owner/name, when the run URL is known"),
    RUN_URL("run-url", Kind.FACT, "the run's web address"),
    RERUN_TESTS("rerun-tests", Kind.COMMAND, "the tool's command that re-runs exactly the failing tests"),
    SKIP_TESTS("skip-tests", Kind.COMMAND, "the tool's command that runs the tests except the failing ones"),
    TEST_ALL("test-all", Kind.COMMAND, "the tool's command that runs all tests"),
    BUILD("build", Kind.COMMAND, "the tool's command that compiles the project"),
    CHECK("check", Kind.COMMAND, "the tool's command that runs the quality gate"),
    FIX("fix", Kind.COMMAND, "the tool's command that fixes findings automatically"),
    SKIP_GATES("skip-gates", Kind.COMMAND, "the tool's build command with optional quality gates switched off"),
    DEPENDENCY_CHECK("dependency-check", Kind.COMMAND, "the tool's command that shows where the dependency comes from"),
    REFRESH_DEPENDENCIES("refresh-dependencies", Kind.COMMAND,
            "the tool's command that re-resolves dependencies from the registry");

    /** Where a value comes from; decides quoting and where it may appear. */
    public enum Kind {
        /** Always known. */
        ALWAYS,
        /** A number or an id the program computed: safe anywhere. */
        FACT,
        /** Text taken from the log: inside backticks in prose, shell-quoted in commands. */
        LOG_TEXT,
        /** A ready shell command from the ecosystem data: inserted as it is. */
        COMMAND
    }

    private final String id;
    private final Kind kind;
    private final String description;

    Placeholder(String id, Kind kind, String description) {
        this.id = id;
        this.kind = kind;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public static Optional<Placeholder> findById(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }
}
