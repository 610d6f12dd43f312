package io.github.recoveryaction.plan;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How one tool names a set of tests on its command line, e.g. Surefire's {@code -Dtest=A#m,B#n} or pytest's
 * list of node ids.
 *
 * @param command the command with {@code {{tests}}} where the test list goes
 * @param each how one test is written, with {@code {{test}}}
 * @param join what goes between two tests
 * @param quote whether each test, the joined list, or nothing is shell-quoted
 */
public record TestCommandForm(String command, String each, String join, Quote quote) {

    /** Shell quoting of the test list. */
    public enum Quote {
        EACH,
        JOINED,
        NONE
    }

    /** The command for these tests (already rewritten to the tool's naming). */
    public String render(List<String> tests) {
        String joined = tests.stream()
                .map(t -> each.replace("{{test}}", quote == Quote.EACH ? ShellQuote.quote(t) : t))
                .collect(Collectors.joining(join));
        return command.replace("{{tests}}", quote == Quote.JOINED ? ShellQuote.quote(joined) : joined);
    }
}
