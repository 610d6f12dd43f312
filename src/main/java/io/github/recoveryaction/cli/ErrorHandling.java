package io.github.recoveryaction.cli;

import java.io.PrintWriter;
import java.util.Objects;

import io.github.recoveryaction.ToolException;
import io.github.recoveryaction.github.RunnerEnvironment;
import io.github.recoveryaction.github.WorkflowCommands;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one error boundary: expected errors become one line on stderr and an exit code from {@link ExitCodes};
 * stack traces only with {@code --verbose} or when the runner asks for debug output.
 */
final class ErrorHandling implements IExecutionExceptionHandler, IExitCodeExceptionMapper, IParameterExceptionHandler {

    private final boolean runnerDebug;
    private final RunnerEnvironment environment;

    /** The environment says whether the runner asked for debug output and whether the action runs. */
    ErrorHandling(RunnerEnvironment environment) {
        this.runnerDebug = environment.debug();
        this.environment = environment;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean verbose = runnerDebug || verbose(parseResult);
        if (ex instanceof ToolException te) {
            err.println("recovery: " + WorkflowCommands.oneLine(te.getMessage()));
            if (verbose && te.getCause() != null) {
                te.printStackTrace(err);
            }
        } else {
            err.println("recovery: internal error: "
                    + WorkflowCommands.oneLine(Objects.requireNonNullElse(ex.getMessage(), ex.getClass().getName()))
                    + (verbose ? "" : " (run with --verbose for details)"));
            if (verbose) {
                ex.printStackTrace(err);
            }
        }
        err.flush();
        return getExitCode(ex);
    }

    @Override
    public int getExitCode(Throwable exception) {
        if (exception instanceof ToolException te) {
            return switch (te.outcome()) {
                case USAGE -> ExitCodes.USAGE;
                case FAILED -> ExitCodes.FAILED;
            };
        }
        if (exception instanceof ParameterException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.FAILED;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        if (cmd.getCommand() instanceof ReportCommand && OwnErrors.apply(environment, args)) {
            // the action's own input could not be read: a warning, as for every other error of the action
            return new OwnErrors("report", cmd.getOut()).handleParseException(ex, args);
        }
        PrintWriter err = cmd.getErr();
        err.println("recovery: " + WorkflowCommands.oneLine(BadValueMessage.of(ex, args)));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return ExitCodes.USAGE;
    }

    static boolean verbose(ParseResult parseResult) {
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
