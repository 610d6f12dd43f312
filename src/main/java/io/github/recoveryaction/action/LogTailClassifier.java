package io.github.recoveryaction.action;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Details;
import io.github.recoveryaction.classify.Evidence;
import io.github.recoveryaction.classify.FailureType;

/**
 * Stand-in until the rule engine is wired: classifies every log as {@code unknown} with its last error lines as
 * evidence, reading the log as a stream.
 */
final class LogTailClassifier implements FailureClassifier {

    private static final Pattern TIMESTAMP = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z ");
    private static final Pattern ERROR = Pattern.compile("(?i)##\\[error]|\\berror\\b|\\bfailed\\b|FAILURE");
    private static final int KEPT = 5;

    @Override
    public Classification classify(String name, Path log) {
        Deque<Evidence> last = new ArrayDeque<>();
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            long number = 0;
            for (String line; (line = in.readLine()) != null;) {
                number++;
                String text = TIMESTAMP.matcher(line).replaceFirst("");
                if (ERROR.matcher(text).find()) {
                    last.addLast(new Evidence(number, text));
                    if (last.size() > KEPT) {
                        last.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            return new Classification(name, Optional.empty(), FailureType.UNKNOWN, 0.0, Optional.empty(), List.of(),
                    "unreadable-log", "The log could not be read: " + e.getMessage(), Details.NONE);
        }
        return new Classification(name, Optional.empty(), FailureType.UNKNOWN, 0.1, Optional.empty(), List.copyOf(last),
                "fallback.last-errors", "No rule recognised the failure; the last error lines are shown.", Details.NONE);
    }
}
