package io.github.recoveryaction.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end with a time limit, its standard output and error captured separately. */
final class Processes {

    record Result(int exitCode, String stdout, String stderr) {

        String output() {
            return stdout + stderr;
        }
    }

    private static final long TIMEOUT_SECONDS = 120;

    private Processes() {
    }

    /** {@code environment} is added to this process's own environment. */
    static Result run(List<String> command, Path directory, Map<String, String> environment) {
        try {
            Path out = Files.createTempFile("process", ".out");
            Path err = Files.createTempFile("process", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new IllegalStateException("timed out after " + TIMEOUT_SECONDS + " s: " + command.get(0)
                            + "\n" + Files.readString(err, StandardCharsets.UTF_8));
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
