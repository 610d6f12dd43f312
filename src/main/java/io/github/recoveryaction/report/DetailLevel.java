package io.github.recoveryaction.report;

import java.util.List;

/**
 * How much a Markdown report shows. When a report does not fit its {@link SizeBudget}, the renderer steps down
 * this list (documented in {@code docs/reports.md}): first long details lists and long evidence lines, then
 * success criteria and rollback steps, then the details section, more evidence and commands, then the escalation
 * path, finally all but the first two actions. The headline, the first evidence lines and the recommended action
 * always stay.
 *
 * @param evidenceLines evidence lines shown (the classifier gives at most 20)
 * @param lineChars longest evidence line shown before it is cut
 * @param listItems entries per details list (failed tests, locations, dependencies); 0 drops the section
 * @param actionExtras whether success criteria and rollback steps are shown
 * @param escalation whether the escalation path is shown
 * @param maxActions actions shown
 * @param maxCommands commands shown per action
 */
record DetailLevel(int evidenceLines, int lineChars, int listItems, boolean actionExtras, boolean escalation,
        int maxActions, int maxCommands) {

    static final List<DetailLevel> LEVELS = List.of(
            new DetailLevel(20, 2_000, 1_000, true, true, 99, 99),
            new DetailLevel(20, 1_000, 200, true, true, 99, 99),
            new DetailLevel(20, 500, 50, true, true, 99, 99),
            new DetailLevel(20, 300, 10, false, true, 99, 99),
            new DetailLevel(10, 200, 0, false, true, 99, 10),
            new DetailLevel(5, 200, 0, false, false, 99, 5),
            new DetailLevel(3, 160, 0, false, false, 2, 3));

    boolean full() {
        return this.equals(LEVELS.getFirst());
    }
}
