package io.github.recoveryaction.classify;

import java.net.URI;
import java.util.Optional;

/**
 * How much of the failing step is new compared with the last passing run of the job.
 *
 * @param newLines non-blank lines of the failing step the passing run did not print (after normalisation)
 * @param lines non-blank lines of the failing step that were compared
 * @param baseline how the passing run is named, e.g. "run 41 on main" or a file name
 * @param link the passing run's job page, when known
 */
public record Novelty(int newLines, int lines, String baseline, Optional<URI> link) {

    /** "12 of 340 lines are new since the last passing run". */
    public String sentence() {
        return newLines + " of " + lines + " line" + (lines == 1 ? " is" : "s are") + " new since the last passing run";
    }
}
