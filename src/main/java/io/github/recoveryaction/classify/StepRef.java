package io.github.recoveryaction.classify;

import java.util.Optional;

/**
 * The failing step of a job log: {@code number} counts the {@code ##[group]Run …} steps from 1, {@code name} is the
 * text after {@code ##[group]Run }. Number 0 is the job's set-up phase before any step ran. {@code displayName} is
 * the name GitHub shows for the step (the {@code gh run view} step column), when the log carries it.
 */
public record StepRef(int number, String name, Optional<String> displayName) {

    public static final StepRef SET_UP_JOB = new StepRef(0, "Set up job");

    public StepRef(int number, String name) {
        this(number, name, Optional.empty());
    }

    /** The name people know the step by: the display name when known, else the contract's name. */
    public String shownName() {
        return displayName.orElse(name);
    }
}
