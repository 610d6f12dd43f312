package io.github.recoveryaction.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.recoveryaction.classify.Details;
import io.github.recoveryaction.classify.FailureType;

class PlannerTest {

    private static final PlanCatalog CATALOG = PlanLoader.bundledCatalog();
    private static final Planner PLANNER = new Planner(CATALOG);

    /** The classic framework's matrix, spec/failure-taxonomy.md: ✓✓ = recommended, ✓ = offered. */
    private static final Map<FailureType, Map<Strategy, Boolean>> CLASSIC = Map.of(
            FailureType.TIMEOUT, Map.of(Strategy.RETRY, true, Strategy.RESUME, false),
            FailureType.TEST_FAILURE, Map.of(Strategy.RETRY, false, Strategy.SKIP, false),
            FailureType.QUALITY_GATE_FAILURE, Map.of(Strategy.SKIP, true),
            FailureType.RESOURCE_EXHAUSTION, Map.of(Strategy.ROLLBACK, false),
            FailureType.NETWORK_ERROR, Map.of(Strategy.RETRY, false, Strategy.RESUME, true),
            FailureType.GIT_ERROR, Map.of(Strategy.RETRY, false, Strategy.ROLLBACK, false),
            FailureType.UNKNOWN, Map.of(Strategy.ROLLBACK, false, Strategy.MANUAL, true));

    @ParameterizedTest
    @EnumSource(FailureType.class)
    void everyTypeAndLaneYieldsAValidPlan(FailureType type) {
        for (Lane lane : Lane.values()) {
            RecoveryPlan plan = PLANNER.plan(PlanInput.of(type), lane);
            assertThat(plan.actions()).as(type + "/" + lane).isNotEmpty();
            assertThat(plan.actions().stream().filter(RecoveryAction::recommended)).hasSizeLessThanOrEqualTo(1);
            for (RecoveryAction a : plan.actions()) {
                assertThat(a.description()).isNotBlank().doesNotContain("{{");
                assertThat(a.commands()).as(type + "/" + lane + "/" + a.strategy()).isNotEmpty()
                        .allSatisfy(c -> assertThat(c).isNotBlank().doesNotContain("{{"));
                assertThat(a.estimatedMinutes()).isPositive();
                assertThat(a.successCriteria()).isNotEmpty();
                assertThat(a.rollbackSteps()).isNotEmpty();
            }
            assertThat(plan.escalation().description()).isNotBlank().doesNotContain("{{");
            assertThat(plan.escalation().steps()).isNotEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = FailureType.class, mode = EnumSource.Mode.MATCH_ALL, names = ".*")
    void classicTypesFollowTheMatrixExactly(FailureType type) {
        if (!type.classic()) {
            return;
        }
        Map<Strategy, Boolean> row = CLASSIC.get(type);
        for (Lane lane : Lane.values()) {
            RecoveryPlan plan = PLANNER.plan(PlanInput.of(type), lane);
            Map<Strategy, Boolean> offered = plan.actions().stream()
                    .collect(Collectors.toMap(RecoveryAction::strategy, RecoveryAction::recommended));
            assertThat(offered).as(type + "/" + lane).isEqualTo(row);
        }
    }

    @Test
    void newerTypesRecommendExactlyOneStrategy() {
        for (FailureType type : EnumSet.complementOf(EnumSet.copyOf(CLASSIC.keySet()))) {
            for (Lane lane : Lane.values()) {
                assertThat(PLANNER.plan(PlanInput.of(type), lane).findRecommended()).as(type + "/" + lane).isPresent();
            }
        }
    }

    @Test
    void recommendedActionComesFirst() {
        for (FailureType type : FailureType.values()) {
            for (Lane lane : Lane.values()) {
                RecoveryPlan plan = PLANNER.plan(PlanInput.of(type), lane);
                plan.findRecommended().ifPresent(r -> assertThat(plan.actions().getFirst()).isEqualTo(r));
            }
        }
    }

    @Test
    void failingMavenTestsBecomeASurefireCommandForExactlyThoseTests() {
        RecoveryPlan plan = plan(FailureType.TEST_FAILURE, "maven.surefire-failures",
                Classifications.tests("com.example.FooTest.testBar", "testBaz(com.example.BazTest)",
                        "QuxTest.testQuux:42"));
        assertThat(plan.actions().getFirst().commands()).first().isEqualTo(
                "mvn -B test -Dtest=com.example.FooTest#testBar,com.example.BazTest#testBaz,QuxTest#testQuux"
                        + " -Dsurefire.failIfNoSpecifiedTests=false");
        assertThat(plan.actions().getFirst().description()).contains("3 in all: `com.example.FooTest.testBar");
    }

    @Test
    void failingTestsUseEachToolsSelectorSyntax() {
        assertThat(firstCommand("pytest.failed-tests", "tests/test_api.py::test_get - AssertionError: 1 != 2",
                "tests/test_api.py::test_put[param 1]"))
                .isEqualTo("python -m pytest tests/test_api.py::test_get 'tests/test_api.py::test_put[param 1]'");
        assertThat(firstCommand("gradle.test-failures", "com.example.FooTest > testBar() FAILED"))
                .isEqualTo("./gradlew test --tests '*com.example.FooTest.testBar'");
        assertThat(firstCommand("jest.failed-tests", "Cart › adds an item (1+1)"))
                .isEqualTo("npx jest -t 'Cart adds an item \\(1\\+1\\)'");
        assertThat(firstCommand("gradle.failed-test", "com.example.FooTest > Nested > handlesEmpty()"))
                .isEqualTo("./gradlew test --tests '*com.example.FooTest$*.handlesEmpty'");
        assertThat(firstCommand("unittest.failed-test", "tests.test_api.ApiTest.test_get"))
                .isEqualTo("python -m unittest tests.test_api.ApiTest.test_get");
        assertThat(firstCommand("cargo.nextest-failed", "my-crate tests::parses"))
                .isEqualTo("cargo nextest run tests::parses");
        assertThat(firstCommand("js-test.vitest-failures", "cart > adds"))
                .isEqualTo("npx vitest run -t 'cart adds'");
        assertThat(firstCommand("go.test-fail", "TestParse/empty_input", "TestParse/bad", "TestLoad"))
                .isEqualTo("go test ./... -run '^TestParse$|^TestLoad$' -count=1");
        assertThat(firstCommand("cargo.test-failed", "tests::parses_empty"))
                .isEqualTo("cargo test -- --exact tests::parses_empty");
        assertThat(firstCommand("dotnet.test-failed", "App.Tests.CartTests.AddsItem"))
                .isEqualTo("dotnet test --filter 'FullyQualifiedName~App.Tests.CartTests.AddsItem'");
    }

    @Test
    void testNamesFromTheLogCannotInjectShellCommands() {
        assertThat(firstCommand("pytest.failed-tests", "x; rm -rf ~", "$(curl evil)"))
                .isEqualTo("python -m pytest 'x; rm -rf ~' '$(curl evil)'");
    }

    @Test
    void unknownToolFallsBackToAGenericCommand() {
        RecoveryPlan plan = plan(FailureType.TEST_FAILURE, "shell.something", Classifications.tests("a"));
        assertThat(plan.actions().getFirst().commands()).noneMatch(c -> c.contains("{{")).first().asString()
                .startsWith("gh run rerun");
    }

    @Test
    void missingDependencyIsNamed() {
        RecoveryPlan plan = plan(FailureType.DEPENDENCY_ERROR, "maven.dependency-resolution",
                Classifications.dependency("org.example:lib:jar:9.9"));
        assertThat(plan.actions().getFirst().description()).contains("`org.example:lib:jar:9.9`");
        assertThat(plan.actions().getFirst().commands()).contains(
                "mvn -B dependency:tree -Dverbose -Dincludes=org.example:lib:jar:9.9");
    }

    @Test
    void compileErrorPointsAtFileAndLine() {
        RecoveryPlan plan = plan(FailureType.COMPILATION_ERROR, "maven.compiler-error",
                Classifications.location("src/main/java/App.java", 12, "cannot find symbol"));
        assertThat(plan.actions().getFirst().description()).contains("`src/main/java/App.java:12`",
                "`cannot find symbol`");
        assertThat(plan.actions().getFirst().commands()).contains("mvn -B compile test-compile",
                "git diff origin/HEAD... -- src/main/java/App.java");
    }

    @Test
    void timeoutStatesDurationAgainstLimit() {
        RecoveryPlan plan = plan(FailureType.TIMEOUT, "runner.step-timeout",
                Classifications.timing(Duration.ofMinutes(45).plusSeconds(3), Duration.ofMinutes(45)));
        assertThat(plan.actions().getFirst().description()).startsWith("The step ran 45m 3s against its limit of 45m.");
        assertThat(plan.escalation().steps().getFirst()).contains("`timeout-minutes` to 68");
    }

    @Test
    void timeoutWithoutDetailsDegradesToGenericText() {
        RecoveryPlan plan = plan(FailureType.TIMEOUT, "runner.step-timeout", Details.NONE);
        assertThat(plan.actions().getFirst().description()).startsWith("A time limit stopped the step.");
        assertThat(plan.escalation().steps().getFirst()).isEqualTo(
                "Raise the step's `timeout-minutes` if the step is merely slow.");
    }

    @Test
    void runUrlNamesTheJobToRerun() {
        RunRef run = RunRef.parse("https://github.com/octo/app/actions/runs/123/job/456");
        RecoveryPlan plan = PLANNER.plan(new PlanInput(FailureType.NETWORK_ERROR, Optional.empty(), Optional.of(run),
                OptionalInt.empty()),
                Lane.STANDARD);
        assertThat(plan.actions().get(1).commands()).contains("gh run rerun --job 456 --repo octo/app");
    }

    @Test
    void laneChangesThePlan() {
        Set<String> descriptions = EnumSet.allOf(Lane.class).stream()
                .map(l -> PLANNER.plan(PlanInput.of(FailureType.TIMEOUT), l).actions().get(1).description())
                .collect(Collectors.toSet());
        assertThat(descriptions).hasSizeGreaterThan(1);
    }

    private static RecoveryPlan plan(FailureType type, String rule, Details details) {
        return PLANNER.plan(PlanInput.of(Classifications.of(type, rule, details), Optional.empty()), Lane.STANDARD);
    }

    private static String firstCommand(String rule, String... tests) {
        return plan(FailureType.TEST_FAILURE, rule, Classifications.tests(tests)).actions().getFirst().commands()
                .getFirst();
    }

    @Test
    void theStepNumberIsTheJobsApisWhenTheJobIsKnown() {
        var c = Classifications.of(FailureType.TEST_FAILURE, "maven.surefire-failures", Classifications.tests("A"));
        assertThat(PlanVariables.of(PlanInput.of(c, Optional.empty(), OptionalInt.of(6)), Lane.STANDARD, CATALOG)
                .find("step-number", Variables.Context.PROSE)).contains("6");
        assertThat(PlanVariables.of(PlanInput.of(c, Optional.empty()), Lane.STANDARD, CATALOG)
                .find("step-number", Variables.Context.PROSE)).contains("4");
    }
}
