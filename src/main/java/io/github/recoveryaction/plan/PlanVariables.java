package io.github.recoveryaction.plan;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Details;
import io.github.recoveryaction.classify.SourceLocation;

/** Turns what the classifier extracted into placeholder values. */
final class PlanVariables {

    /** Longest log-derived value shown in a plan; longer ones are cut with an ellipsis. */
    static final int MAX_VALUE_LENGTH = 300;
    /** How many names a list placeholder ({@code failed-tests}, {@code dependencies}) shows before "and N more". */
    static final int MAX_LISTED = 5;
    private static final Pattern CONTROL = Pattern.compile("\\x1B\\[[0-9;?]*[A-Za-z]|\\p{Cntrl}");

    private PlanVariables() {
    }

    static Variables of(PlanInput input, Lane lane, PlanCatalog catalog) {
        Variables.Builder b = Variables.builder()
                .put(Placeholder.FAILURE_TYPE, input.failureType().id())
                .put(Placeholder.LANE, lane.id());
        input.run().ifPresent(run -> b.put(Placeholder.RUN_ID, String.valueOf(run.runId()))
                .put(Placeholder.REPOSITORY, run.repository())
                .put(Placeholder.RUN_URL, run.runUrl().toString())
                .put(Placeholder.JOB_ID, run.jobId().isPresent() ? String.valueOf(run.jobId().getAsLong()) : null));
        if (input.classification().isEmpty()) {
            return b.build();
        }
        Classification c = input.classification().get();
        c.step().ifPresent(s -> b.put(Placeholder.STEP, clean(s.name())));
        input.stepNumber().ifPresent(n -> b.put(Placeholder.STEP_NUMBER, String.valueOf(n)));
        b.put(Placeholder.TITLE, clean(c.title()));
        Details d = c.details();
        List<String> tests = d.failedTests().stream().map(PlanVariables::clean).filter(t -> !t.isEmpty()).toList();
        if (!tests.isEmpty()) {
            b.put(Placeholder.FAILED_TESTS, listed(tests)).put(Placeholder.FIRST_FAILED_TEST, tests.getFirst())
                    .put(Placeholder.FAILED_TEST_COUNT, String.valueOf(tests.size()));
        }
        List<String> deps = d.dependencies().stream().map(PlanVariables::clean).filter(t -> !t.isEmpty()).toList();
        if (!deps.isEmpty()) {
            b.put(Placeholder.DEPENDENCY, deps.getFirst()).put(Placeholder.DEPENDENCIES, listed(deps));
        }
        if (!d.locations().isEmpty()) {
            SourceLocation l = d.locations().getFirst();
            b.put(Placeholder.LOCATION, clean(l.display())).put(Placeholder.FILE, clean(l.file()))
                    .put(Placeholder.LOCATION_MESSAGE, clean(l.message()));
            l.line().ifPresent(line -> b.put(Placeholder.LINE, String.valueOf(line)));
        }
        b.put(Placeholder.COMMAND, d.command().map(PlanVariables::clean));
        d.exitCode().ifPresent(code -> b.put(Placeholder.EXIT_CODE, String.valueOf(code)));
        b.put(Placeholder.STEP_DURATION, d.stepDuration().map(DurationFormat::human));
        b.put(Placeholder.TIME_LIMIT, d.timeLimit().map(DurationFormat::human));
        d.stepDuration().or(d::timeLimit).map(x -> d.timeLimit().filter(l -> l.compareTo(x) > 0).orElse(x))
                .ifPresent(needed -> b.put(Placeholder.SUGGESTED_TIMEOUT_MINUTES,
                        String.valueOf(Math.max(1, (needed.toSeconds() * 3 / 2 + 59) / 60))));
        int dot = c.rule().indexOf('.');
        b.put(Placeholder.TOOL, clean(dot > 0 ? c.rule().substring(0, dot) : c.rule()));
        catalog.findEcosystem(c.rule()).ifPresent(eco -> ecosystemCommands(b, eco, tests));
        return b.build();
    }

    private static void ecosystemCommands(Variables.Builder b, Ecosystem eco, List<String> tests) {
        Variables values = b.build();
        for (Map.Entry<Placeholder, TextTemplate> e : eco.commands().entrySet()) {
            b.put(e.getKey(), e.getValue().render(values, Variables.Context.COMMAND));
        }
        List<String> selectors = eco.selectors(tests);
        if (!selectors.isEmpty()) {
            eco.rerunTests().ifPresent(f -> b.put(Placeholder.RERUN_TESTS, f.render(selectors)));
            eco.skipTests().ifPresent(f -> b.put(Placeholder.SKIP_TESTS, f.render(selectors)));
        }
    }

    /** Log text made safe for plans: no control characters or ANSI colours, no backticks, bounded length. */
    static String clean(String text) {
        String s = CONTROL.matcher(text).replaceAll(" ").replace('`', '\'').strip();
        return s.length() > MAX_VALUE_LENGTH ? s.substring(0, MAX_VALUE_LENGTH - 1) + "…" : s;
    }

    private static String listed(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(MAX_LISTED, names.size())));
        return names.size() > MAX_LISTED ? shown + " and " + (names.size() - MAX_LISTED) + " more" : shown;
    }
}
