package io.github.recoveryaction.github;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Which runs a listing returns; GitHub applies every part of it.
 *
 * @param workflow a workflow file name ({@code ci.yml}) or id; empty lists the runs of every workflow
 * @param branch the runs' head branch
 * @param status a status or conclusion, e.g. {@code completed} or {@code success}
 * @param createdSince runs created on or after this day (UTC)
 */
public record RunFilter(Optional<String> workflow, Optional<String> branch, Optional<String> status,
        Optional<LocalDate> createdSince) {

    public static final RunFilter ALL = new RunFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    /** The successful runs of one workflow, on {@code branch} when given. */
    public static RunFilter successfulRunsOf(long workflowId, Optional<String> branch) {
        return new RunFilter(Optional.of(String.valueOf(workflowId)), branch, Optional.of("success"), Optional.empty());
    }
}
