package io.github.recoveryaction.report;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Details;
import io.github.recoveryaction.classify.Evidence;
import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.classify.SourceLocation;
import io.github.recoveryaction.classify.StepRef;
import io.github.recoveryaction.plan.Lane;
import io.github.recoveryaction.plan.PlanInput;
import io.github.recoveryaction.plan.PlanLoader;
import io.github.recoveryaction.plan.Planner;
import io.github.recoveryaction.plan.RunRef;

/** Representative failures as the classifier reports them. */
final class ReportFixtures {

    static final Planner PLANNER = new Planner(PlanLoader.bundledCatalog());
    static final RunRef RUN = RunRef.parse("https://github.com/octo/shop/actions/runs/987654321/job/123456789");

    private ReportFixtures() {
    }

    static FailureReport mavenTestFailure() {
        Classification c = new Classification("build.log", Optional.of("build"), FailureType.TEST_FAILURE, 0.93,
                Optional.of(new StepRef(4, "mvn -B -ntp verify")),
                List.of(new Evidence(1834, "[ERROR] Tests run: 42, Failures: 2, Errors: 0, Skipped: 1"),
                        new Evidence(1840, "[ERROR]   CartTest.addsItem:57 expected: <2> but was: <3>"),
                        new Evidence(1841, "[ERROR]   PriceTest.roundsHalfUp:31 expected: <1.05> but was: <1.04>")),
                "maven.surefire-failures", "Surefire reported 2 failing tests.",
                new Details(List.of("com.shop.CartTest.addsItem", "com.shop.PriceTest.roundsHalfUp"),
                        List.of(new SourceLocation("src/test/java/com/shop/CartTest.java", OptionalInt.of(57),
                                OptionalInt.empty(), "expected: <2> but was: <3>")),
                        List.of(), Optional.empty(), OptionalInt.of(1), Optional.empty(),
                        Optional.of(Duration.ofSeconds(312))));
        return report(c, Lane.STANDARD, Optional.of(new LogLinks(RUN, c.step(), OptionalLong.of(1702))));
    }

    static FailureReport typescriptCompileError() {
        Classification c = new Classification("web.log", Optional.empty(), FailureType.COMPILATION_ERROR, 0.97,
                Optional.of(new StepRef(3, "npm run build")),
                List.of(new Evidence(88, "src/cart.ts(14,7): error TS2322: Type 'string' is not assignable to type 'number'.")),
                "tsc.type-error", "The TypeScript compiler rejected src/cart.ts.",
                new Details(List.of(), List.of(new SourceLocation("src/cart.ts", OptionalInt.of(14), OptionalInt.of(7),
                        "TS2322: Type 'string' is not assignable to type 'number'.")), List.of(), Optional.empty(),
                        OptionalInt.of(2), Optional.empty(), Optional.empty()));
        return report(c, Lane.STANDARD, Optional.empty());
    }

    static FailureReport heavyTimeout() {
        Classification c = new Classification("nightly.log", Optional.empty(), FailureType.TIMEOUT, 0.99,
                Optional.of(new StepRef(5, "./gradlew integrationTest")),
                List.of(new Evidence(20411,
                        "##[error]The action 'Run ./gradlew integrationTest' has timed out after 90 minutes.")),
                "runner.step-timeout", "The step hit its timeout-minutes limit.",
                new Details(List.of(), List.of(), List.of(), Optional.empty(), OptionalInt.empty(),
                        Optional.of(Duration.ofMinutes(90)), Optional.of(Duration.ofMinutes(90).plusSeconds(4))));
        return report(c, Lane.HEAVY, Optional.empty());
    }

    static FailureReport unknownRawLog() {
        Classification c = new Classification("output.txt", Optional.empty(), FailureType.UNKNOWN, 0.2,
                Optional.empty(), List.of(new Evidence(3, "make: *** [Makefile:12: all] Error 2")), "fallback.unknown",
                "The command failed without a diagnostic the rules know.", Details.NONE);
        return report(c, Lane.DOCS, Optional.empty());
    }

    static FailureReport report(Classification c, Lane lane, Optional<LogLinks> links) {
        return new FailureReport(c, PLANNER.plan(PlanInput.of(c, links.map(LogLinks::run)), lane), links);
    }
}
