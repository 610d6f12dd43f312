package io.github.recoveryaction.checkpoint;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import io.github.recoveryaction.InvalidInputException;

/** Checkpoint ids: safe as file names and inside artifact names, default form of the classic framework. */
public final class CheckpointIds {

    /** {@code latest} is what restore resolves, never an id. */
    public static final String LATEST = "latest";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    private CheckpointIds() {
    }

    /** {@code <lane>-step<N>-<yyyyMMdd_HHmmss>} in UTC. */
    public static String defaultId(String lane, int stepNumber, Instant at) {
        return lane + "-step" + stepNumber + "-" + STAMP.format(at);
    }

    public static String requireValid(String id) {
        if (!VALID.matcher(id).matches() || id.equals(LATEST)) {
            throw new InvalidInputException("checkpoint id '" + id + "' is not valid: use 1-100 letters, digits, '.', '_'"
                    + " or '-', starting with a letter or digit, and not 'latest'");
        }
        return id;
    }
}
