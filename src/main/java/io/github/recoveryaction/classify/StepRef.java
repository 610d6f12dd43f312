package io.github.recoveryaction.classify;

/**
 * The failing step of a job log: {@code number} counts the {@code ##[group]Run …} steps from 1, {@code name} is the
 * text after {@code ##[group]Run }. Number 0 is the job's set-up phase before any step ran.
 */
public record StepRef(int number, String name) {

    public static final StepRef SET_UP_JOB = new StepRef(0, "Set up job");
}
