package io.github.recoveryaction.classify.log;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * One job's log inside an input: the whole input for a single log file, or one job of a run-logs archive.
 *
 * @param job the job's name when the input names it
 * @param opener opens the log's bytes; called once
 */
public record JobLog(Optional<String> job, Opener opener) {

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }
}
