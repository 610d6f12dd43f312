package io.github.recoveryaction.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.github.recoveryaction.github.RunnerEnvironment;
import io.github.recoveryaction.github.WorkflowCommands;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The action's own errors (a bad input, an API that cannot be reached) on a command it runs: one warning and exit 0,
 * so the action never fails a user's workflow unless {@code fail-on-error} asks it to. The CLI keeps the contract's
 * exit codes ({@link ErrorHandling}); this applies only to what the action runs ({@code recovery report} in GitHub
 * Actions and the commands it delegates to).
 */
final class OwnErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {

    static final String INPUT = "INPUT_FAIL-ON-ERROR";

    private final String command;
    private final PrintWriter log;

    /** @param log where the warning goes: stdout for report, stderr for delegated commands (their JSON stays clean) */
    OwnErrors(String command, PrintWriter log) {
        this.command = command;
        this.log = log;
    }

    /** True when the action runs and {@code fail-on-error} does not ask to fail the step. */
    static boolean apply(RunnerEnvironment env, String... args) {
        return env.inGitHubActions() && !failOnError(env, args);
    }

    /** {@code fail-on-error} as the input or an argument gives it, read without the parser (which may have failed). */
    static boolean failOnError(RunnerEnvironment env, String... args) {
        Optional<String> arg = Arrays.stream(args).filter(a -> a.equals("--fail-on-error")
                || a.startsWith("--fail-on-error=")).reduce((a, b) -> b)
                .map(a -> a.contains("=") ? a.substring(a.indexOf('=') + 1) : "true");
        return arg.or(() -> env.find(INPUT)).map(v -> v.trim().toLowerCase(Locale.ROOT)).filter("true"::equals)
                .isPresent();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        warn(Objects.requireNonNullElse(ex.getMessage(), ex.getClass().getSimpleName()));
        return ExitCodes.OK;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        warn(BadValueMessage.of(ex, args));
        return ExitCodes.OK;
    }

    void warn(String message) {
        new WorkflowCommands(Optional.empty(), Optional.empty(), log, () -> UUID.randomUUID().toString())
                .warning(text(command, message));
    }

    static String text(String command, String message) {
        return "recovery-action could not finish command " + command + ": " + message
                + " (the step still succeeds; set fail-on-error: true to fail it instead)";
    }
}
