package io.github.recoveryaction.action;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Evidence;

/**
 * Removes secrets from everything a report shows before it leaves the program. The runner masks registered secrets
 * in logs and summaries, but a pull-request comment goes through the API unmasked, so log excerpts and test
 * messages are cleaned here: the token in use, well-known token shapes, {@code key=value} credentials, and the
 * repository's {@code report.redact} patterns.
 */
final class SecretRedaction {

    static final String MASK = "***";

    /** A pattern whose group {@code keep} (0 = none) stays visible, e.g. the {@code password=} before a value. */
    private record Rule(Pattern pattern, int keep) {
    }

    private static final List<Rule> BUILT_IN = List.of(
            new Rule(Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{30,}"), 0),
            new Rule(Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{22,}"), 0),
            new Rule(Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"), 0),
            new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"), 0),
            new Rule(Pattern.compile("(?i)\\b((?:bearer|basic)\\s+)[A-Za-z0-9._~+/=-]{12,}"), 1),
            new Rule(Pattern.compile("(?i)((?:password|passwd|secret|token|api[_-]?key)\\s*[:=]\\s*)[^\\s'\"]{4,}"), 1));

    private final List<Rule> rules;
    private final List<String> literals;

    /**
     * @param extraPatterns the repository's {@code report.redact} regular expressions
     * @param literals exact secrets to hide, such as the token in use
     */
    SecretRedaction(List<String> extraPatterns, List<String> literals) {
        List<Rule> all = new ArrayList<>(BUILT_IN);
        extraPatterns.forEach(p -> all.add(new Rule(Pattern.compile(p), 0)));
        this.rules = List.copyOf(all);
        this.literals = literals.stream().filter(s -> s.length() >= 4).toList();
    }

    String redact(String text) {
        String result = text;
        for (String literal : literals) {
            result = result.replace(literal, MASK);
        }
        for (Rule rule : rules) {
            result = rule.pattern().matcher(result).replaceAll(match -> Matcher.quoteReplacement(
                    (rule.keep() > 0 ? match.group(rule.keep()) : "") + MASK));
        }
        return result;
    }

    JobFailure redact(JobFailure f) {
        Classification c = f.classification();
        List<Evidence> evidence = c.evidence().stream().map(e -> new Evidence(e.line(), redact(e.text()))).toList();
        Classification clean = new Classification(c.file(), c.job(), c.failureType(), c.confidence(), c.step(), evidence,
                c.rule(), redact(c.title()), c.details());
        List<FailedTest> tests = f.failedTests().stream().map(t -> new FailedTest(t.suite(), t.name(),
                redact(t.message()), t.file(), t.line())).toList();
        return new JobFailure(f.job(), f.jobName(), f.failedStep(), clean, tests, f.source(), f.notes());
    }
}
