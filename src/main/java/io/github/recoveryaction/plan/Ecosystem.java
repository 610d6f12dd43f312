package io.github.recoveryaction.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Command forms of one tool or ecosystem (maven, gradle, pytest, jest, go, cargo, dotnet, …): how to re-run or skip
 * named tests, build, fix findings, inspect a dependency. Data from {@code plans/ecosystems.yaml}.
 *
 * @param id the first segment of the rule ids that belong to this tool ({@code maven} for {@code maven.surefire-failures})
 * @param aliases other rule-id prefixes that mean the same tool
 * @param rewrites applied in order to each test name as the log printed it, to get the tool's selector syntax
 * @param regexEscape whether test names are regular-expression-escaped before joining (jest -t, go -run)
 * @param rerunTests how to re-run exactly the failing tests
 * @param skipTests how to run the tests except the failing ones
 * @param commands ready commands by placeholder (build, test-all, fix, …), may use log-derived placeholders
 */
public record Ecosystem(
        String id,
        List<String> aliases,
        List<Rewrite> rewrites,
        boolean regexEscape,
        Optional<TestCommandForm> rerunTests,
        Optional<TestCommandForm> skipTests,
        Map<Placeholder, TextTemplate> commands) {

    /** At most this many tests go into one command; the rest are named in the plan's details. */
    public static final int MAX_TESTS_IN_COMMAND = 20;

    /** One regular-expression replacement on a test name. */
    public record Rewrite(Pattern match, String replacement) {
    }

    public Ecosystem {
        aliases = List.copyOf(aliases);
        rewrites = List.copyOf(rewrites);
        commands = Map.copyOf(commands);
    }

    /** The test names in the tool's selector syntax, distinct, at most {@link #MAX_TESTS_IN_COMMAND}. */
    public List<String> selectors(List<String> failedTests) {
        Set<String> out = new LinkedHashSet<>();
        for (String test : failedTests) {
            String name = test;
            for (Rewrite r : rewrites) {
                name = r.match().matcher(name).replaceAll(r.replacement());
            }
            name = name.strip();
            if (!name.isEmpty()) {
                out.add(regexEscape ? regexQuote(name) : name);
            }
            if (out.size() == MAX_TESTS_IN_COMMAND) {
                break;
            }
        }
        return new ArrayList<>(out);
    }

    private static String regexQuote(String name) {
        return name.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }
}
