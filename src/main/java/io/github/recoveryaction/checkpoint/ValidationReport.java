package io.github.recoveryaction.checkpoint;

import java.util.List;

/** The checks of {@code recovery validate}; the command fails when any check failed. */
public record ValidationReport(List<Check> checks) {

    /** One check: a kebab-case name, whether it passed, and what was found. */
    public record Check(String name, boolean ok, String detail) {
    }

    public ValidationReport {
        checks = List.copyOf(checks);
    }

    public boolean ok() {
        return checks.stream().allMatch(Check::ok);
    }
}
