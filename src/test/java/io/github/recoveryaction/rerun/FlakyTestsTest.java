package io.github.recoveryaction.rerun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.rerun.AttemptTests.JobTests;
import io.github.recoveryaction.rerun.AttemptTests.Reports;

class FlakyTestsTest {

    private static AttemptTests attempt(int n, Optional<Reports> reports, Map<String, JobTests> jobs) {
        return new AttemptTests(n, reports, jobs);
    }

    @Test
    void fromLogsATestIsFlakyWhenItsJobPassesNow() {
        AttemptTests before = attempt(1, Optional.empty(), Map.of("test", new JobTests(false,
                List.of("CartTest.addsItem", "CartTest.total")), "lint", new JobTests(false, List.of("style"))));
        AttemptTests after = attempt(2, Optional.empty(), Map.of("test", new JobTests(true, List.of()), "lint",
                new JobTests(false, List.of("style"))));

        assertThat(FlakyTests.find(before, after)).containsExactly("CartTest.addsItem", "CartTest.total");
    }

    @Test
    void aTestThatFailsAgainIsNotFlaky() {
        AttemptTests before = attempt(1, Optional.empty(), Map.of("test", new JobTests(false,
                List.of("CartTest.addsItem", "CartTest.total"))));
        AttemptTests after = attempt(2, Optional.empty(), Map.of("test", new JobTests(false,
                List.of("com.example.CartTest.total"))));

        assertThat(FlakyTests.find(before, after)).isEmpty();
    }

    @Test
    void reportsOfBothAttemptsDecideTestByTest() {
        AttemptTests before = attempt(1, Optional.of(new Reports(Set.of("com.example.CartTest.addsItem",
                "com.example.CartTest.total"), Set.of("com.example.CartTest.ok"))), Map.of("test",
                        new JobTests(false, List.of())));
        AttemptTests after = attempt(2, Optional.of(new Reports(Set.of("com.example.CartTest.total"),
                Set.of("com.example.CartTest.addsItem", "com.example.CartTest.ok"))), Map.of("test",
                        new JobTests(false, List.of())));

        assertThat(FlakyTests.find(before, after)).containsExactly("com.example.CartTest.addsItem");
    }

    @Test
    void reportsOfTheEarlierAttemptAloneNeedTheLaterToPassWhole() {
        AttemptTests before = attempt(1, Optional.of(new Reports(Set.of("a.B.c"), Set.of())), Map.of());

        assertThat(FlakyTests.find(before, attempt(2, Optional.empty(), Map.of("test", new JobTests(true, List.of())))))
                .containsExactly("a.B.c");
        assertThat(FlakyTests.find(before, attempt(2, Optional.empty(), Map.of("test", new JobTests(false,
                List.of()))))).isEmpty();
    }

    @Test
    void namesFromLogsMatchTheReportsIds() {
        assertThat(TestNames.same("com.example.CartTest.addsItem", "CartTest.addsItem")).isTrue();
        assertThat(TestNames.same("tests/test_api.py::test_get", "tests.test_api.test_get")).isTrue();
        assertThat(TestNames.same("CartTest#addsItem", "com.example.CartTest.addsItem")).isTrue();
        assertThat(TestNames.same("CartTest > addsItem()", "com.example.CartTest.addsItem")).isTrue();
        assertThat(TestNames.same("CartTest.addsItem", "OtherCartTest.addsItem")).isFalse();
        assertThat(TestNames.same("addsItem", "")).isFalse();
    }
}
