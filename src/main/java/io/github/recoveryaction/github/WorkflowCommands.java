package io.github.recoveryaction.github;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.github.recoveryaction.ToolException;

/**
 * Talks to the runner: step outputs and the job summary through the file commands, logs through workflow commands
 * on standard output (groups, masks, warnings, errors, debug lines, and untrusted text fenced by
 * {@code ::stop-commands::}).
 * <p>
 * Outside GitHub Actions (no {@code GITHUB_OUTPUT} / {@code GITHUB_STEP_SUMMARY}) outputs and summaries are
 * dropped and the log lines are still printed, so a local run shows what the action would do. See
 * <a href="https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands">workflow
 * commands</a>.
 */
public final class WorkflowCommands {

    /** The runner rejects a step summary above 1 MiB (and then shows none of it). */
    public static final long SUMMARY_LIMIT_BYTES = 1024 * 1024;

    private static final Pattern COMMAND_LINE = Pattern.compile("(?m)^\\s*(::|##\\[)");
    private static final Pattern OUTPUT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final String TRUNCATED = "\n\n_(truncated: the step summary is limited to 1 MiB)_\n";

    private final Optional<Path> outputFile;
    private final Optional<Path> summaryFile;
    private final PrintWriter out;
    private final Supplier<String> randomTokens;

    public WorkflowCommands(Optional<Path> outputFile, Optional<Path> summaryFile, PrintWriter out,
            Supplier<String> randomTokens) {
        this.outputFile = outputFile;
        this.summaryFile = summaryFile;
        this.out = out;
        this.randomTokens = randomTokens;
    }

    public static WorkflowCommands of(RunnerEnvironment env, PrintWriter out) {
        return new WorkflowCommands(env.outputFile(), env.stepSummaryFile(), out, () -> UUID.randomUUID().toString());
    }

    /** True when step outputs reach the runner. */
    public boolean hasOutputFile() {
        return outputFile.isPresent();
    }

    /**
     * Sets a step output with the heredoc form and a random delimiter that never occurs in the value, so no value
     * can end the heredoc early and inject other outputs.
     *
     * @return false when there is no output file (not running in GitHub Actions)
     */
    public boolean setOutput(String name, String value) {
        if (!OUTPUT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid step output name '" + name + "'");
        }
        if (outputFile.isEmpty()) {
            return false;
        }
        String delimiter = delimiterFor(value);
        append(outputFile.get(), name + "<<" + delimiter + "\n" + value + "\n" + delimiter + "\n", "step outputs");
        return true;
    }

    /**
     * Appends Markdown to the job summary, cutting it so that the step's summary stays within
     * {@link #SUMMARY_LIMIT_BYTES}.
     *
     * @return false when there is no summary file
     */
    public boolean appendSummary(String markdown) {
        if (summaryFile.isEmpty()) {
            return false;
        }
        Path file = summaryFile.get();
        long used = sizeOf(file);
        String text = markdown.endsWith("\n") ? markdown : markdown + "\n";
        if (used + utf8Length(text) > SUMMARY_LIMIT_BYTES) {
            text = truncate(text, SUMMARY_LIMIT_BYTES - used - utf8Length(TRUNCATED)) + TRUNCATED;
        }
        append(file, text, "the job summary");
        return true;
    }

    public void startGroup(String title) {
        command("group", title);
    }

    public void endGroup() {
        command("endgroup", "");
    }

    /** Runs {@code work} inside a collapsible log group. */
    public <T> T group(String title, Supplier<T> work) {
        startGroup(title);
        try {
            return work.get();
        } finally {
            endGroup();
        }
    }

    /** Hides {@code secret} in the rest of the job's logs and summaries. */
    public void addMask(String secret) {
        if (!secret.isBlank()) {
            command("add-mask", secret);
        }
    }

    public void debug(String message) {
        command("debug", message);
    }

    public void notice(String message) {
        command("notice", message);
    }

    public void warning(String message) {
        command("warning", message);
    }

    public void error(String message) {
        command("error", message);
    }

    /** Prints a workflow command line formatted elsewhere (annotations with file and line properties). */
    public void printCommandLine(String line) {
        out.println(line);
        out.flush();
    }

    /**
     * Prints informational text. Such lines name jobs, steps and reasons taken from the API, logs and inputs, so a
     * text that could be read as a workflow command is fenced like {@link #echoUntrusted}.
     */
    public void info(String text) {
        printUntrusted(text);
    }

    private void plain(String text) {
        out.println(text);
        out.flush();
    }

    /**
     * Prints text that may contain {@code ::command::} lines (a log excerpt, a test's message) with command processing
     * suspended by a random token, so the text cannot set outputs, masks or annotations.
     */
    public void echoUntrusted(String text) {
        String token = "recovery-" + randomTokens.get().replace("-", "");
        out.println("::stop-commands::" + token);
        out.println(text);
        out.println("::" + token + "::");
        out.flush();
    }

    /**
     * Prints text that came from logs or inputs (a command's result, a verdict line): as it is when no line of it
     * could be read as a workflow command, else fenced like {@link #echoUntrusted}.
     */
    public void printUntrusted(String text) {
        if (couldHoldCommands(text)) {
            echoUntrusted(text);
        } else {
            plain(text);
        }
    }

    /**
     * True when a line of {@code text} would be run as a workflow command: after leading whitespace {@code ::name::}
     * or the runner's older {@code ##[name]} form. Both stdout and stderr are scanned.
     */
    public static boolean couldHoldCommands(String text) {
        return COMMAND_LINE.matcher(text).find();
    }

    /** A message for one line of stderr: line breaks in it (from an input's value) shown as {@code \n}. */
    public static String oneLine(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** Escapes a command's message data as the runner expects ({@code %}, CR, LF). */
    public static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a command's property value ({@code file=…,title=…}): message escapes plus {@code :} and {@code ,}. */
    public static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }

    private void command(String name, String data) {
        out.println("::" + name + "::" + escapeData(data));
        out.flush();
    }

    /**
     * A random delimiter that does not occur in {@code value}: while it does, the delimiter grows by another random
     * token, so it ends up longer than the value at the latest and the loop always ends.
     */
    private String delimiterFor(String value) {
        StringBuilder delimiter = new StringBuilder("ghadelimiter_").append(randomTokens.get());
        while (value.contains(delimiter)) {
            delimiter.append('_').append(randomTokens.get());
        }
        return delimiter.toString();
    }

    private static void append(Path file, String text, String what) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new ToolException(ToolException.Outcome.FAILED,
                    "cannot write " + what + " to " + file + ": " + e.getMessage(), e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Cuts at a line boundary within {@code maxBytes} so Markdown tables and code fences break cleanly. */
    private static String truncate(String text, long maxBytes) {
        if (maxBytes <= 0) {
            return "";
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String cut = new String(bytes, 0, (int) Math.min(bytes.length, maxBytes), StandardCharsets.UTF_8);
        if (cut.length() > 0 && cut.charAt(cut.length() - 1) == '\uFFFD') {
            cut = cut.substring(0, cut.length() - 1);
        }
        int lastLine = cut.lastIndexOf('\n');
        return lastLine > 0 ? cut.substring(0, lastLine + 1) : cut;
    }
}
