package io.github.recoveryaction.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.recoveryaction.InvalidInputException;

/**
 * The variables the program runs with: the process environment, unless {@value #FILE_VARIABLE} names a file of
 * {@code NAME=VALUE} lines, which then replaces it entirely. That replays a runner's environment on a workstation
 * (save {@code env} from a job, point the variable at it) and keeps tests hermetic: they run the real program with
 * the variables they wrote, never the ones of the machine or CI runner executing them (docs/testing.md).
 * <p>
 * This is the only place that reads {@code System.getenv}.
 */
final class ProcessEnvironment {

    static final String FILE_VARIABLE = "RECOVERY_ENVIRONMENT_FILE";

    private ProcessEnvironment() {
    }

    static Map<String, String> load() {
        return load(System.getenv());
    }

    static Map<String, String> load(Map<String, String> process) {
        String file = process.get(FILE_VARIABLE);
        if (file == null || file.isBlank()) {
            return process;
        }
        try {
            return parse(Files.readAllLines(Path.of(file), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            // A test suite sets the variable for every test; tests that write no file get an empty environment.
            return Map.of();
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the environment file " + file + " named by " + FILE_VARIABLE
                    + ": " + e.getMessage(), e);
        }
    }

    /** {@code NAME=VALUE} per line; {@code \n} in a value stands for a line break; blank and {@code #} lines skipped. */
    static Map<String, String> parse(List<String> lines) {
        Map<String, String> variables = new HashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (line.isBlank() || line.startsWith("#") || eq <= 0) {
                continue;
            }
            variables.put(line.substring(0, eq), line.substring(eq + 1).replace("\\n", "\n"));
        }
        return variables;
    }
}
